package dev.bolide.client.jms.consumer;

import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.QueueProgress;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where a group member stands in one queue: the next offset to pull and the offsets pulled but not
 * yet acknowledged. The committed offset is the lowest unacknowledged one (or the next to pull when
 * none is outstanding), so acknowledgements out of order never skip a message after a restart.
 *
 * <p>One commit of the queue is in flight at a time, and a point counts as committed only once the
 * broker confirmed it: a broker may apply two commits in flight in either order (Apache RocketMQ
 * serves them on a pool of 32 threads), and a commit may fail; either way the group's offset stayed
 * behind while this member believed it committed, and nothing ever committed it again.
 */
final class QueueCursor {
    private final MessageQueue queue;
    private final TreeSet<Long> outstanding = new TreeSet<>();
    private long nextOffset;
    private long committed = -1;
    private boolean commitScheduled;
    private boolean commitInFlight;
    private boolean abandoned;
    private long lastPullMillis;
    private long lastAcknowledgeMillis;
    private volatile boolean active = true;

    QueueCursor(MessageQueue queue, long nextOffset) {
        this.queue = queue;
        this.nextOffset = nextOffset;
    }

    MessageQueue queue() {
        return queue;
    }

    boolean active() {
        return active;
    }

    void deactivate() {
        active = false;
    }

    /**
     * Stops pulling and never commits again: the queue's offset was moved elsewhere (an offset
     * reset), which a late commit of this cursor would undo.
     */
    synchronized void abandon() {
        active = false;
        abandoned = true;
    }

    synchronized long nextOffset() {
        return nextOffset;
    }

    synchronized void pulled(long offset) {
        outstanding.add(offset);
    }

    /** A pull was answered: the next one starts at {@code offset}. */
    synchronized void moveTo(long offset) {
        nextOffset = offset;
        lastPullMillis = System.currentTimeMillis();
    }

    synchronized void acknowledged(long offset) {
        outstanding.remove(offset);
        lastAcknowledgeMillis = System.currentTimeMillis();
    }

    /** What mqadmin {@code consumerStatus} shows of this queue. */
    synchronized QueueProgress progress() {
        return new QueueProgress(committed, outstanding.isEmpty() ? 0 : outstanding.first(),
                outstanding.isEmpty() ? 0 : outstanding.last(), outstanding.size(), lastPullMillis,
                lastAcknowledgeMillis);
    }

    /** True for the first acknowledgement since the last commit: one commit is then due for all that follow. */
    synchronized boolean scheduleCommit() {
        if (commitScheduled) {
            return false;
        }
        commitScheduled = true;
        return true;
    }

    /**
     * The offset to commit now, the commit then being in flight until {@link #commitAnswered}; -1 when
     * it has not moved since the last confirmed commit, a commit is in flight, or the cursor was abandoned.
     */
    synchronized long commitPoint() {
        commitScheduled = false;
        long point = point();
        if (abandoned || commitInFlight || point == committed) {
            return -1;
        }
        commitInFlight = true;
        return point;
    }

    /** What this cursor settled above its commit point, if anything: none when nothing is outstanding. */
    synchronized Optional<SettledAhead> settledAhead() {
        if (outstanding.isEmpty() || outstanding.size() == nextOffset - outstanding.first()) {
            return Optional.empty();
        }
        return Optional.of(new SettledAhead(outstanding.first(), nextOffset, outstanding));
    }

    private long point() {
        return outstanding.isEmpty() ? nextOffset : outstanding.first();
    }

    /**
     * The broker answered the commit of {@code point}, confirming it or not.
     *
     * @return whether another commit is due: the point moved meanwhile, or this one failed
     */
    synchronized boolean commitAnswered(long point, boolean confirmed) {
        commitInFlight = false;
        if (confirmed) {
            committed = point;
        }
        return !abandoned && point() != committed;
    }
}
