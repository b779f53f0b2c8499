package dev.bolide.store.flush;

import dev.bolide.store.StoreException;
import dev.bolide.store.segment.SegmentSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code SYNC_FLUSH}: an append is acknowledged only once forced to disk, and concurrent appends
 * share forces (group commit). One force runs at a time, by whoever holds the force token: a
 * blocked writer that finds nobody forcing forces itself (no hand-off to another thread), and
 * the writers that appended meanwhile are covered by the next force. Asynchronous appends queue a
 * request that the flusher thread serves the same way.
 */
final class GroupCommitFlusher extends CommitLogFlusher {
    private static final long IDLE_PARK_NANOS = 10_000_000L;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final Object forceToken = new Object();
    /** Guarded by {@link #forceToken}. */
    private boolean forcing;

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
        Request request = new Request(endOffset, waitForFlush ? new CompletableFuture<>() : null);
        requests.add(request);
        wakeUp();
        return waitForFlush ? request.done : DONE;
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

    /** Serves queued asynchronous appends: forces if a blocked writer did not already cover them. */
    @Override
    protected boolean round() {
        List<Request> batch = drain();
        if (batch.isEmpty()) {
            return false;
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
