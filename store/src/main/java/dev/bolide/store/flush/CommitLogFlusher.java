package dev.bolide.store.flush;

import dev.bolide.store.FlushDiskType;
import dev.bolide.store.StoreConfig;
import dev.bolide.store.segment.SegmentSequence;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread that forces the CommitLog to disk and knows up to where it is durable. Subclasses
 * decide when; {@link #close()} always ends with a full flush.
 */
public abstract class CommitLogFlusher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CommitLogFlusher.class.getName());

    protected final SegmentSequence segments;
    private final Runnable onFlushed;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long flushedOffset;
    private final LongAdder forces = new LongAdder();

    protected CommitLogFlusher(SegmentSequence segments, String name, Runnable onFlushed) {
        this.segments = segments;
        this.onFlushed = onFlushed;
        this.flushedOffset = segments.maxOffset(0);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** @param onFlushed told after each force (the dispatcher waits for flushed data under SYNC_FLUSH) */
    public static CommitLogFlusher create(SegmentSequence segments, StoreConfig config, Runnable onFlushed) {
        return config.flushDiskType() == FlushDiskType.SYNC_FLUSH ? new GroupCommitFlusher(segments, onFlushed)
                : new IntervalFlusher(segments, config, onFlushed);
    }

    public void start() {
        thread.start();
    }

    /** Offset below which the CommitLog is known to be on disk. */
    public long flushedOffset() {
        return flushedOffset;
    }

    /**
     * Called after each append ending at {@code endOffset}; the future completes when the append
     * may be acknowledged.
     */
    public abstract CompletableFuture<Void> appended(long endOffset, boolean waitForFlush);

    /** One round of the service: wait for a reason to flush, then flush. */
    protected abstract void runOnce();

    protected final boolean running() {
        return running;
    }

    protected final void wakeUp() {
        LockSupport.unpark(thread);
    }

    /** Forces everything written so far. */
    protected final long flush() {
        long flushed = segments.flush();
        flushedOffset = flushed;
        forces.increment();
        onFlushed.run();
        return flushed;
    }

    /** How many times the CommitLog was forced: appends divided by this is the group-commit batch size. */
    public long forceCount() {
        return forces.sum();
    }

    private void run() {
        while (running) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "CommitLog flush failed; retrying", e);
                LockSupport.parkNanos(10_000_000L);
            }
        }
    }

    /** Stops the thread and flushes what is left. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        failPending();
    }

    /** Completes whatever still waits once the thread is gone. */
    protected abstract void failPending();
}
