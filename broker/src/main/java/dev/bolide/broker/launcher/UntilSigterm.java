package dev.bolide.broker.launcher;

import java.util.concurrent.CountDownLatch;

/**
 * How a launched server stops: SIGTERM (what {@code mqshutdown} and {@code kill} send) or Ctrl-C
 * runs the JVM's shutdown hooks, where the server is closed cleanly and says so in its log.
 */
final class UntilSigterm {
    private UntilSigterm() {
    }

    /**
     * Closes {@code server} at SIGTERM. Register it right after the start, before saying the server
     * started, so that a SIGTERM sent on that line closes it too.
     *
     * @return counted down once {@code server} is closed, which the main thread awaits
     */
    static CountDownLatch closeAtSigterm(AutoCloseable server, System.Logger log, String closedLine) {
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                log.log(System.Logger.Level.INFO, closedLine);
            } catch (Exception e) {
                log.log(System.Logger.Level.ERROR, "closing failed", e);
            } finally {
                closed.countDown();
            }
        }, "bolide-shutdown"));
        return closed;
    }
}
