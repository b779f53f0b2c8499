package dev.bolide.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports for tests: other builds share the machine, so no test uses a fixed port. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port nothing listens on now (the system picks it, so two calls rarely give the same one). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
