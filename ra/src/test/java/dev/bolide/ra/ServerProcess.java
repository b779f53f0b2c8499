package dev.bolide.ra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An application server as a plain child process (not Arquillian's: the crash tests kill it and
 * start it again on the same directory, so that its transaction log and the embedded broker's store
 * survive). Its console output goes to a log file, which is also how readiness is seen.
 */
final class ServerProcess implements AutoCloseable {
    /**
     * Generous: a start with a deployment takes 10 to 90 s on two shared cores, and more than 4 min
     * at a load of 40 to 48 (Payara Micro's own boot alone took 116 s, the rar's deployment after it).
     */
    private static final Duration START_PATIENCE = Duration.ofMinutes(8);

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code server} with its output to {@code log} and waits until the log holds {@code ready};
     * fails at once if it holds {@code failed} (null: nothing to look for) or the process ends.
     */
    static ServerProcess start(ProcessBuilder server, Path log, String ready, String failed)
            throws IOException, InterruptedException {
        Process process = server.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess started = new ServerProcess(process, log);
        started.awaitReady(ready, failed);
        return started;
    }

    private void awaitReady(String ready, String failed) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        String printed;
        while (!(printed = log()).contains(ready)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ", see " + log);
            }
            if (failed != null && printed.contains(failed) || System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("the server did not start cleanly within " + START_PATIENCE
                        + ", see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** What the server printed so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux) to the server and any process it started, then waits for it. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
