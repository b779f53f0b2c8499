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
 * {@link #IDLE_MILLIS}. The time runs from the consumers' start to the last message.
 */
final class QueueDrain {
    private static final long IDLE_MILLIS = 5_000;

    private QueueDrain() {
    }

    /** @return messages received per second */
    static double drain(ConnectionFactory factory, String queue, long expected, int threads) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> consumers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                consumers.add(executor.submit(() -> consume(factory, queue, expected, received, lastArrival)));
            }
            for (Future<?> consumer : consumers) {
                consumer.get();
            }
            if (received.get() < expected) {
                throw new IllegalStateException(queue + ": received " + received.get() + " of " + expected
                        + " messages, then nothing for " + IDLE_MILLIS + " ms");
            }
            return received.get() / ((lastArrival.get() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    private static Void consume(ConnectionFactory factory, String queue, long expected, AtomicLong received,
            AtomicLong lastArrival) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            while (received.get() < expected && consumer.receive(IDLE_MILLIS) != null) {
                received.incrementAndGet();
                lastArrival.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }
        return null;
    }
}
