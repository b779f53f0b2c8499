package dev.bolide.store.checkpoint;

import dev.bolide.store.consumequeue.ConsumeQueueTable;
import dev.bolide.store.dispatch.DispatchProgress;
import dev.bolide.store.index.IndexService;
import dev.bolide.store.worker.WorkerLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Periodically flushes the derived files (ConsumeQueues, index) and then records in the
 * checkpoint how far they and the CommitLog are durable. The dispatcher's progress is read
 * before the flush, so everything it covers was written before the flush began.
 *
 * <p>The index is forced only every {@link #INDEX_FLUSH_PERIOD}th periodic checkpoint: forcing it
 * write-protects every page of its hash-slot table, which keys hit at random, so that each force
 * made the dispatcher take a page fault per slot page afterwards (measured: 5 % of a broker's CPU
 * under sends with a force a second). In between, checkpoints record the dispatcher's progress as
 * of the last index force, so a crash re-dispatches from there: a few more seconds of records to
 * re-read at start, nothing lost. RocketMQ forces its index only when a file is full.
 */
public final class CheckpointService implements AutoCloseable {
    /** Periodic checkpoints per index force (10 s with the default {@code flushIntervalConsumeQueue}). */
    static final int INDEX_FLUSH_PERIOD = 10;

    private final Path file;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final LongSupplier commitLogFlushed;
    private final Supplier<DispatchProgress> dispatchProgress;
    private WorkerLoop loop;
    private Checkpoint last;
    /** The dispatcher's progress when the index was last forced: what the checkpoint may claim. */
    private DispatchProgress durable;
    private int sinceIndexFlush;

    /** @param index null when indexing is disabled */
    public CheckpointService(Path file, Checkpoint last, ConsumeQueueTable queues, IndexService index,
            LongSupplier commitLogFlushed, Supplier<DispatchProgress> dispatchProgress) {
        this.file = file;
        this.last = last;
        this.queues = queues;
        this.index = index;
        this.commitLogFlushed = commitLogFlushed;
        this.dispatchProgress = dispatchProgress;
        this.durable = new DispatchProgress(last.dispatched(), last.index());
    }

    public void start(long intervalMillis) {
        // the store wrote a checkpoint as it opened: the next one is due a period later
        loop = WorkerLoop.periodic("bolide-checkpoint", TimeUnit.MILLISECONDS.toNanos(intervalMillis), false,
                this::periodicCheckpoint);
        loop.start();
    }

    /** Flushes all derived files, the index included, and writes a new checkpoint. */
    public synchronized void checkpoint() {
        write(true);
    }

    /** A checkpoint of the periodic kind: the index forced only every {@link #INDEX_FLUSH_PERIOD}th time. */
    synchronized void periodicCheckpoint() {
        write(++sinceIndexFlush >= INDEX_FLUSH_PERIOD);
    }

    private void write(boolean withIndex) {
        long flushed = commitLogFlushed.getAsLong();
        DispatchProgress progress = dispatchProgress.get();
        queues.flush();
        if (index == null || withIndex) {
            if (index != null) {
                index.flush();
            }
            durable = progress;
            sinceIndexFlush = 0;
        }
        Checkpoint next = last.next(flushed, durable.offset(), durable.index());
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
        if (loop != null) {
            loop.close();
        }
    }
}
