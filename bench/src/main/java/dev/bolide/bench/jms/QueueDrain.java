package dev.bolide.bench.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes a queue's backlog with several auto-acknowledging consumers, each on its own
 * connection, until the expected count has arrived or the queue stays empty for
 * {@link #IDLE_MILLIS}. The rate is the steady one, between the arrivals of the backlog's first
 * and last tenth: the consumers' start (joining, queue allocation, the first fetches) and the tail
 * (the last consumer finishing alone) took most of a drain of a few hundred milliseconds and made
 * its figure vary threefold from round to round.
 */
final class QueueDrain {
    private static final long IDLE_MILLIS = 5_000;

    private QueueDrain() {
    }

    /** @return messages received per second between the first and the last tenth of the backlog */
    static double drain(ConnectionFactory factory, String queue, long expected, int threads) throws Exception {
        ArrivalWindow window = new ArrivalWindow(expected);
        AtomicLong received = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> consumers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                consumers.add(executor.submit(() -> consume(factory, queue, expected, received, window)));
            }
            for (Future<?> consumer : consumers) {
                consumer.get();
            }
            if (received.get() < expected) {
                throw new IllegalStateException(queue + ": received " + received.get() + " of " + expected
                        + " messages, then nothing for " + IDLE_MILLIS + " ms");
            }
            return window.perSecond();
        } finally {
            executor.shutdownNow();
        }
    }

    private static Void consume(ConnectionFactory factory, String queue, long expected, AtomicLong received,
            ArrivalWindow window) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            while (received.get() < expected && consumer.receive(IDLE_MILLIS) != null) {
                window.arrived(received.incrementAndGet());
            }
        }
        return null;
    }

    /** When the arrivals that open and close the measured window came. */
    private static final class ArrivalWindow {
        private final long first;
        private final long last;
        private volatile long opened;
        private volatile long closed;

        ArrivalWindow(long expected) {
            first = Math.max(1, expected / 10);
            last = expected - expected / 10;
        }

        void arrived(long count) {
            if (count == first) {
                opened = System.nanoTime();
            } else if (count == last) {
                closed = System.nanoTime();
            }
        }

        double perSecond() {
            return (last - first) / ((closed - opened) / 1e9);
        }
    }
}
