package dev.bolide.store.flush;

import dev.bolide.store.StoreConfig;
import dev.bolide.store.segment.SegmentSequence;
import java.util.concurrent.CompletableFuture;

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
    private long nextFlush = System.nanoTime();
    private long nextThoroughFlush = System.nanoTime();

    IntervalFlusher(SegmentSequence segments, StoreConfig config, Runnable onFlushed) {
        super(segments, onFlushed, "bolide-interval-flush", config.flushIntervalCommitLog().toNanos());
        this.intervalNanos = config.flushIntervalCommitLog().toNanos();
        this.thoroughIntervalNanos = config.flushCommitLogThoroughInterval().toNanos();
        this.leastBytes = (long) config.flushCommitLogLeastPages() * PAGE_SIZE;
    }

    @Override
    public CompletableFuture<Void> appended(long endOffset, boolean waitForFlush) {
        return DONE;
    }

    @Override
    public boolean awaitFlushed(long endOffset, long timeoutNanos) {
        return true;
    }

    /** Never woken early: the thread parks for the interval between rounds. */
    @Override
    protected boolean hasWork() {
        return false;
    }

    @Override
    protected boolean round() {
        long now = System.nanoTime();
        if (now - nextFlush < 0) {
            return false;
        }
        nextFlush = now + intervalNanos;
        boolean thorough = now - nextThoroughFlush >= 0;
        long dirty = segments.maxOffset(0) - flushedOffset();
        if (dirty > 0 && (dirty >= leastBytes || thorough)) {
            flush();
        }
        if (thorough) {
            nextThoroughFlush = now + thoroughIntervalNanos;
        }
        return false;
    }

    @Override
    protected void failPending() {
        // nothing waits for an interval flush
    }
}
