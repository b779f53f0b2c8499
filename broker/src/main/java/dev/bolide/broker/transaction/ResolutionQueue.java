package dev.bolide.broker.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The resolutions END_TRANSACTION asks for, resolved on a thread of their own, those that wait
 * meanwhile together in one append. Producers send END_TRANSACTION oneway, right after their
 * half message is answered: resolved on the send lane, each commit's append (a write to the
 * CommitLog) held up the half messages behind it, one write per transaction; here the lane only
 * queues it, and under load one write takes many.
 */
final class ResolutionQueue implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ResolutionQueue.class.getName());
    /** At most this many transactions per append, so that one append stays short. */
    private static final int MAX_BATCH = 64;

    private final TransactionResolver resolver;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    /** Whether a drain is scheduled or running: only the caller that sets it schedules one. */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread resolving = new Thread(runnable, "bolide-transaction-end");
        resolving.setDaemon(true);
        return resolving;
    });

    ResolutionQueue(TransactionResolver resolver) {
        this.resolver = resolver;
    }

    private record Waiting(TransactionResolver.Ask ask, CompletableFuture<Boolean> outcome) {
    }

    /** As {@link TransactionResolver#resolve}, later, on the queue's thread. */
    CompletableFuture<Boolean> resolve(HalfRecord half, Resolution resolution) {
        Waiting asked = new Waiting(new TransactionResolver.Ask(half, resolution), new CompletableFuture<>());
        waiting.add(asked);
        if (draining.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // closing: the transaction stays open, and its check-back will ask again
                draining.set(false);
                asked.outcome().completeExceptionally(e);
            }
        }
        return asked.outcome();
    }

    private void drain() {
        do {
            List<Waiting> batch = new ArrayList<>();
            for (Waiting next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                resolveAll(batch);
            }
            draining.set(false);
            // an ask queued after the poll above and before the flag was cleared scheduled nothing
        } while (!waiting.isEmpty() && draining.compareAndSet(false, true));
    }

    private void resolveAll(List<Waiting> batch) {
        List<CompletableFuture<Boolean>> outcomes;
        try {
            outcomes = resolver.resolveAll(batch.stream().map(Waiting::ask).toList());
        } catch (RuntimeException e) {
            batch.forEach(asked -> asked.outcome().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Boolean> outcome = batch.get(i).outcome();
            outcomes.get(i).whenComplete((resolved, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                } else {
                    outcome.complete(resolved);
                }
            });
        }
    }

    /** Stops taking asks; those already queued are resolved first. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "END_TRANSACTION resolutions still queued after 10 s: their"
                        + " transactions stay open until checked back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
