package dev.bolide.broker.ha;

import dev.bolide.store.worker.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * A SYNC_MASTER's sends waiting for its slaves. The slaves' reports raise one acknowledged offset
 * (RocketMQ's {@code push2SlaveMaxOffset}); each raise completes, in one pass, every send whose
 * messages end at or below it, so a report answers a whole group of sends and no thread waits per
 * send.
 */
public final class SlaveAcknowledgements implements SyncReplication {
    private final long fallbehindMax;
    /** One timer entry for all waiting sends, not one each ({@code completeOnTimeout}: 8 % of a send thread). */
    private final Timeouts<ReplicationStatus> timeouts;
    /** Guarded by {@code this}, as is {@link #acknowledged}. */
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(Comparator.comparingLong(Waiter::endOffset));
    /** Written under {@code this}; read without it by {@link #connectedSlaves}, at every append. */
    private volatile int connected;
    private long acknowledged;

    private record Waiter(long endOffset, CompletableFuture<ReplicationStatus> done) {
    }

    /**
     * @param fallbehindMax a slave this many bytes behind a send or more is not waited for
     * @param timeout       how long a send waits for a slave
     */
    public SlaveAcknowledgements(long fallbehindMax, Duration timeout) {
        this.fallbehindMax = fallbehindMax;
        this.timeouts = new Timeouts<>(timeout, ReplicationStatus.FLUSH_SLAVE_TIMEOUT);
    }

    @Override
    public CompletableFuture<ReplicationStatus> whenReplicated(long endOffset) {
        CompletableFuture<ReplicationStatus> done = new CompletableFuture<>();
        synchronized (this) {
            if (connected == 0 || endOffset - acknowledged >= fallbehindMax) {
                return CompletableFuture.completedFuture(ReplicationStatus.SLAVE_NOT_AVAILABLE);
            }
            if (acknowledged >= endOffset) {
                return CompletableFuture.completedFuture(ReplicationStatus.REPLICATED);
            }
            waiters.add(new Waiter(endOffset, done));
        }
        return timeouts.completeOnTimeout(done);
    }

    /** A slave reported that it holds the CommitLog up to {@code offset}. */
    public void acknowledged(long offset) {
        List<Waiter> replicated = new ArrayList<>();
        synchronized (this) {
            if (offset <= acknowledged) {
                return;
            }
            acknowledged = offset;
            while (!waiters.isEmpty() && waiters.peek().endOffset() <= offset) {
                replicated.add(waiters.poll());
            }
        }
        // outside the lock: completing a send writes its answer
        replicated.forEach(waiter -> waiter.done().complete(ReplicationStatus.REPLICATED));
    }

    /** The highest offset a slave reported. */
    public synchronized long acknowledgedOffset() {
        return acknowledged;
    }

    synchronized void slaveConnected() {
        connected++;
    }

    synchronized void slaveDisconnected() {
        connected--;
    }

    /** How many slaves are connected now. */
    public int connectedSlaves() {
        return connected;
    }
}
