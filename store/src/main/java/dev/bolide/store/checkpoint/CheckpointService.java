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
 */
public final class CheckpointService implements AutoCloseable {
    private final Path file;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final LongSupplier commitLogFlushed;
    private final Supplier<DispatchProgress> dispatchProgress;
    private WorkerLoop loop;
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
        // the store wrote a checkpoint as it opened: the next one is due a period later
        loop = WorkerLoop.periodic("bolide-checkpoint", TimeUnit.MILLISECONDS.toNanos(intervalMillis), false,
                this::checkpoint);
        loop.start();
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
        if (loop != null) {
            loop.close();
        }
    }
}
