package dev.bolide.store.flush;

import dev.bolide.store.StoreException;
import dev.bolide.store.segment.SegmentSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code SYNC_FLUSH}: an append completes only once forced to disk. Writers queue a request and
 * wake the flusher; the flusher takes every queued request at once and covers them all with one
 * force of everything written so far, so concurrent writers share the cost of a force.
 */
final class GroupCommitFlusher extends CommitLogFlusher {
    private static final long IDLE_PARK_NANOS = 10_000_000L;

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    private record Request(long endOffset, CompletableFuture<Void> done) {
    }

    GroupCommitFlusher(SegmentSequence segments, Runnable onFlushed) {
        super(segments, onFlushed, "bolide-group-commit", IDLE_PARK_NANOS);
    }

    @Override
    public CompletableFuture<Void> appended(long endOffset, boolean waitForFlush) {
        if (!waitForFlush || flushedOffset() >= endOffset) {
            wakeUp();
            return CompletableFuture.completedFuture(null);
        }
        Request request = new Request(endOffset, new CompletableFuture<>());
        requests.add(request);
        wakeUp();
        return request.done;
    }

    @Override
    protected boolean hasWork() {
        return !requests.isEmpty();
    }

    @Override
    protected boolean round() {
        List<Request> batch = drain();
        if (batch.isEmpty()) {
            return false;
        }
        long flushed;
        try {
            flushed = flush();
        } catch (RuntimeException e) {
            batch.forEach(r -> r.done.completeExceptionally(
                    new StoreException(StoreException.Reason.IO_ERROR, "CommitLog force failed: " + e.getMessage(), e)));
            throw e;
        }
        for (Request request : batch) {
            if (request.endOffset <= flushed) {
                request.done.complete(null);
            } else {
                requests.add(request);
            }
        }
        return true;
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
            if (r.endOffset <= flushed) {
                r.done.complete(null);
            } else {
                r.done.completeExceptionally(new StoreException(StoreException.Reason.CLOSED,
                        "the store closed before the message reached the disk"));
            }
        }
    }
}
