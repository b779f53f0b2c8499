package dev.bolide.shop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The file a server writes its process id to (Payara's {@code config/pid}, WildFly's {@code wildfly.pid}). */
record ServerPid(Path file) {

    /**
     * Kills the server with SIGKILL and waits until it is gone: no shutdown, so a transaction in
     * flight is left where it was.
     */
    void kill() {
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            ProcessHandle server = ProcessHandle.of(pid)
                    .orElseThrow(() -> new AssertionError("the server (pid " + pid + " in " + file + ") is not running"));
            server.destroyForcibly();
            server.onExit().get(1, TimeUnit.MINUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted killing the server", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the server did not die", e);
        }
    }
}
