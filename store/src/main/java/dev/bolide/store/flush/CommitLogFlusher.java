package dev.bolide.store.flush;

import dev.bolide.store.CommitLogTimings;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.StoreConfig;
import dev.bolide.store.segment.SegmentSequence;
import dev.bolide.store.worker.WorkerLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * A thread that forces the CommitLog to disk and knows up to where it is durable. Subclasses
 * decide when; {@link #close()} always ends with a full flush.
 */
public abstract class CommitLogFlusher implements AutoCloseable {
    protected final SegmentSequence segments;
    private final Runnable onFlushed;
    private final WorkerLoop loop;
    private final LongAdder forces = new LongAdder();
    private volatile long flushedOffset;
    private volatile CommitLogTimings timings = CommitLogTimings.NONE;

    protected CommitLogFlusher(SegmentSequence segments, Runnable onFlushed, String name, long parkNanos) {
        this.segments = segments;
        this.onFlushed = onFlushed;
        this.flushedOffset = segments.maxOffset(0);
        this.loop = new WorkerLoop(name, this::round, this::hasWork, 0, parkNanos);
    }

    /** @param onFlushed told after each force (the dispatcher waits for flushed data under SYNC_FLUSH) */
    public static CommitLogFlusher create(SegmentSequence segments, StoreConfig config, Runnable onFlushed) {
        return config.flushDiskType() == FlushDiskType.SYNC_FLUSH ? new GroupCommitFlusher(segments, onFlushed)
                : new IntervalFlusher(segments, config, onFlushed);
    }

    public void start() {
        loop.start();
    }

    /** Offset below which the CommitLog is known to be on disk. */
    public long flushedOffset() {
        return flushedOffset;
    }

    /** How many times the CommitLog was forced: appends divided by this is the group-commit batch size. */
    public long forceCount() {
        return forces.sum();
    }

    /** Told how long each force takes from now on. */
    public void timedBy(CommitLogTimings timings) {
        this.timings = timings;
    }

    /**
     * Called after each append ending at {@code endOffset}; the future completes when the append
     * may be acknowledged.
     */
    public abstract CompletableFuture<Void> appended(long endOffset, boolean waitForFlush);

    /**
     * Blocks until the CommitLog is on disk up to {@code endOffset} (at once under ASYNC_FLUSH).
     *
     * @return false if that did not happen within {@code timeoutNanos}
     */
    public abstract boolean awaitFlushed(long endOffset, long timeoutNanos);

    /** One round of the service; returns whether it did anything. */
    protected abstract boolean round();

    /** Whether a round is due right now (checked before the thread parks). */
    protected abstract boolean hasWork();

    protected final void wakeUp() {
        loop.wakeUp();
    }

    /**
     * Forces everything written so far, now, from the calling thread (for a write that must be
     * durable whatever the flush type, such as an XA prepare).
     */
    public final long forceNow() {
        return flush();
    }

    /** Forces everything written so far; synchronized so that the flushed offset never goes back. */
    protected final synchronized long flush() {
        long started = System.nanoTime();
        long flushed = segments.flush();
        timings.forced(System.nanoTime() - started);
        flushedOffset = Math.max(flushedOffset, flushed);
        forces.increment();
        onFlushed.run();
        return flushed;
    }

    /** Stops the thread and flushes what is left. */
    @Override
    public void close() {
        loop.close();
        flush();
        failPending();
    }

    /** Completes whatever still waits once the thread is gone. */
    protected abstract void failPending();
}
