package dev.bolide.store.flush;

import dev.bolide.store.StoreConfig;
import dev.bolide.store.segment.SegmentSequence;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ASYNC_FLUSH}: appends complete at once; every {@code flushIntervalCommitLog} the log is
 * forced if at least {@code flushCommitLogLeastPages} pages are dirty, and at least every
 * {@code flushCommitLogThoroughInterval} whatever is dirty.
 */
final class IntervalFlusher extends CommitLogFlusher {
    private static final int PAGE_SIZE = 4096;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final long intervalNanos;
    private final long thoroughIntervalNanos;
    private final long leastBytes;
    private long lastThoroughFlush = System.nanoTime();

    IntervalFlusher(SegmentSequence segments, StoreConfig config, Runnable onFlushed) {
        super(segments, "bolide-interval-flush", onFlushed);
        this.intervalNanos = config.flushIntervalCommitLog().toNanos();
        this.thoroughIntervalNanos = config.flushCommitLogThoroughInterval().toNanos();
        this.leastBytes = (long) config.flushCommitLogLeastPages() * PAGE_SIZE;
    }

    @Override
    public CompletableFuture<Void> appended(long endOffset, boolean waitForFlush) {
        return DONE;
    }

    @Override
    protected void runOnce() {
        LockSupport.parkNanos(intervalNanos);
        long dirty = segments.maxOffset(0) - flushedOffset();
        boolean thorough = System.nanoTime() - lastThoroughFlush >= thoroughIntervalNanos;
        if (dirty > 0 && (dirty >= leastBytes || thorough || !running())) {
            flush();
        }
        if (thorough) {
            lastThoroughFlush = System.nanoTime();
        }
    }

    @Override
    protected void failPending() {
        // nothing waits for an interval flush
    }
}
