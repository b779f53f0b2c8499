package dev.bolide.bench.jms;

import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts a backlog on a queue, unmeasured: several threads, a connection each, send persistent
 * messages in transacted batches of {@link #BATCH}, the fastest way every broker takes them.
 */
final class QueueFill {
    static final int BATCH = 100;

    private QueueFill() {
    }

    /** @return how many messages were sent: {@code count} rounded up to whole batches per thread */
    static long fill(ConnectionFactory factory, String queue, byte[] body, long count, int threads) throws Exception {
        long batchesPerThread = Math.max(1, (count + (long) BATCH * threads - 1) / ((long) BATCH * threads));
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                senders.add(executor.submit(() -> send(factory, queue, body, batchesPerThread)));
            }
            for (Future<?> sender : senders) {
                awaitSender(sender);
            }
            return batchesPerThread * BATCH * threads;
        } finally {
            executor.shutdownNow();
        }
    }

    private static Void send(ConnectionFactory factory, String queue, byte[] body, long batches) throws Exception {
        try (TimedLoop.Worker sender = PersistentSender.transacted(factory, queue, body, BATCH).open()) {
            for (long i = 0; i < batches; i++) {
                sender.once();
            }
        }
        return null;
    }

    private static void awaitSender(Future<?> sender) throws Exception {
        try {
            sender.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
