package dev.bolide.store.checkpoint;

import dev.bolide.store.consumequeue.ConsumeQueueTable;
import dev.bolide.store.dispatch.DispatchProgress;
import dev.bolide.store.index.IndexService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Periodically flushes the derived files (ConsumeQueues, index) and then records in the
 * checkpoint how far they and the CommitLog are durable. The dispatcher's progress is read
 * before the flush, so everything it covers was written before the flush began.
 */
public final class CheckpointService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CheckpointService.class.getName());

    private final Path file;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final LongSupplier commitLogFlushed;
    private final Supplier<DispatchProgress> dispatchProgress;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bolide-checkpoint");
        thread.setDaemon(true);
        return thread;
    });
    private Checkpoint last;

    /** @param index null when indexing is disabled */
    public CheckpointService(Path file, Checkpoint last, ConsumeQueueTable queues, IndexService index,
            LongSupplier commitLogFlushed, Supplier<DispatchProgress> dispatchProgress) {
        this.file = file;
        this.last = last;
        this.queues = queues;
        this.index = index;
        this.commitLogFlushed = commitLogFlushed;
        this.dispatchProgress = dispatchProgress;
    }

    public void start(long intervalMillis) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                checkpoint();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "checkpoint failed", e);
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Flushes the derived files and writes a new checkpoint. */
    public synchronized void checkpoint() {
        long flushed = commitLogFlushed.getAsLong();
        DispatchProgress progress = dispatchProgress.get();
        queues.flush();
        if (index != null) {
            index.flush();
        }
        Checkpoint next = last.next(flushed, progress.offset(), progress.index());
        try {
            next.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
        last = next;
    }

    /** Stops the periodic checkpoints; the owner writes the final one. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
