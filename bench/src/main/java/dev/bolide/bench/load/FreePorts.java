package dev.bolide.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds runs of consecutive free TCP ports. A run rather than single ports, because a RocketMQ
 * broker opens two more next to its {@code listenPort} (the VIP channel two below, HA one above).
 * Ports come from below the usual ephemeral range, so that outgoing connections do not take them
 * between the check and the broker's start.
 */
public final class FreePorts {
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private FreePorts() {
    }

    /** The first port of {@code count} consecutive ports that were all free a moment ago. */
    public static int consecutive(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            if (!free(port)) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port)); // the wildcard address, as the brokers bind
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
