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

    /**
     * A free port whose port two below and port one above are free too: a Bolide broker listening on
     * it also listens on {@code listenPort - 2}, its VIP channel (RocketMQ's {@code fastListenPort}),
     * and a master on {@code listenPort + 1}, its HA port.
     */
    public static int freeBrokerPort() {
        while (true) {
            int port = freePort();
            try (ServerSocket vip = new ServerSocket(port - 2); ServerSocket ha = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // another pair
            }
        }
    }
}
