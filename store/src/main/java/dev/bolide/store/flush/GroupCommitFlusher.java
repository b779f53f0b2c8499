package dev.bolide.store.flush;

import dev.bolide.store.StoreException;
import dev.bolide.store.segment.SegmentSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code SYNC_FLUSH}: an append is acknowledged only once forced to disk, and concurrent appends
 * share forces (group commit). One force runs at a time, by whoever holds the force token: a
 * blocked writer that finds nobody forcing forces itself (no hand-off to another thread), and
 * the writers that appended meanwhile are covered by the next force. Asynchronous appends queue a
 * request that the flusher thread serves the same way.
 *
 * <p>An append that does not wait ({@code WAIT=false}, the half messages of an XA branch) is forced
 * by the flusher thread {@link #LINGER_NANOS} after it at the latest, and usually sooner, by the
 * force of a writer that waits: the prepare that follows a branch's sends then shares their force
 * instead of queueing behind it.
 */
final class GroupCommitFlusher extends CommitLogFlusher {
    private static final long IDLE_PARK_NANOS = 10_000_000L;
    /** How long data nobody waits for may stay unforced, so that the next force someone waits for covers it. */
    static final long LINGER_NANOS = 2_000_000L;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Object forceToken = new Object();
    /** Guarded by {@link #forceToken}. */
    private boolean forcing;
    /** The end of the appends nobody waits for, and when the first of them not yet forced came. */
    private final AtomicLong lingeringEnd = new AtomicLong();
    private volatile long lingeringSince;

    private record Request(long endOffset, CompletableFuture<Void> done) {
    }

    /** What a thread that needs data on disk should do next. */
    private enum Turn {
        FORCE,
        COVERED,
        TIMED_OUT
    }

    GroupCommitFlusher(SegmentSequence segments, Runnable onFlushed) {
        super(segments, onFlushed, "bolide-group-commit", IDLE_PARK_NANOS);
    }

    @Override
    public CompletableFuture<Void> appended(long endOffset, boolean waitForFlush) {
        if (!waitForFlush) {
            linger(endOffset);
            return DONE;
        }
        Request request = new Request(endOffset, new CompletableFuture<>());
        requests.add(request);
        wakeUp();
        return request.done;
    }

    // the first lingering append since the last force wakes the thread, which parks until it is due
    private void linger(long endOffset) {
        long before = lingeringEnd.getAndAccumulate(endOffset, Math::max);
        if (before <= flushedOffset()) {
            lingeringSince = System.nanoTime();
            wakeUp();
        }
    }

    /** The nanoseconds until lingering data is due for a force; 0 when it is, -1 when there is none. */
    private long lingerRemaining() {
        if (lingeringEnd.get() <= flushedOffset()) {
            return -1;
        }
        return Math.max(0, lingeringSince + LINGER_NANOS - System.nanoTime());
    }

    @Override
    protected long parkNanos(long idleNanos) {
        long remaining = lingerRemaining();
        return remaining < 0 ? idleNanos : Math.max(remaining, 1);
    }

    @Override
    public boolean awaitFlushed(long endOffset, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            switch (takeTurn(endOffset, deadline)) {
                case COVERED -> {
                    return true;
                }
                case TIMED_OUT -> {
                    return false;
                }
                case FORCE -> forceHoldingToken();
            }
        }
    }

    /** Waits until the data is covered, or the token is free (then takes it), or the deadline passes. */
    private Turn takeTurn(long endOffset, long deadline) {
        synchronized (forceToken) {
            while (flushedOffset() < endOffset) {
                if (!forcing) {
                    forcing = true;
                    return Turn.FORCE;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return Turn.TIMED_OUT;
                }
                try {
                    forceToken.wait(remaining / 1_000_000, (int) (remaining % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Turn.TIMED_OUT;
                }
            }
            return Turn.COVERED;
        }
    }

    private void forceHoldingToken() {
        try {
            flush();
        } finally {
            synchronized (forceToken) {
                forcing = false;
                forceToken.notifyAll();
            }
        }
    }

    @Override
    protected boolean hasWork() {
        return !requests.isEmpty();
    }

    /**
     * Serves queued asynchronous appends, and lingering ones once due: forces if a blocked writer did
     * not already cover them.
     */
    @Override
    protected boolean round() {
        List<Request> batch = drain();
        if (batch.isEmpty()) {
            return lingerRemaining() == 0 && awaitFlushed(lingeringEnd.get(), Long.MAX_VALUE);
        }
        long end = batch.stream().mapToLong(Request::endOffset).max().orElseThrow();
        try {
            awaitFlushed(end, Long.MAX_VALUE);
        } catch (RuntimeException e) {
            StoreException failure = new StoreException(StoreException.Reason.IO_ERROR,
                    "CommitLog force failed: " + e.getMessage(), e);
            batch.forEach(r -> complete(r, failure));
            throw e;
        }
        batch.forEach(r -> complete(r, null));
        return true;
    }

    private static void complete(Request request, StoreException failure) {
        if (request.done == null) {
            return;
        }
        if (failure == null) {
            request.done.complete(null);
        } else {
            request.done.completeExceptionally(failure);
        }
    }

    private List<Request> drain() {
        List<Request> batch = new ArrayList<>();
        for (Request r = requests.poll(); r != null; r = requests.poll()) {
            batch.add(r);
        }
        return batch;
    }

    @Override
    protected void failPending() {
        long flushed = flushedOffset();
        for (Request r : drain()) {
            complete(r, r.endOffset <= flushed ? null : new StoreException(StoreException.Reason.CLOSED,
                    "the store closed before the message reached the disk"));
        }
    }
}
