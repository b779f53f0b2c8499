package dev.bolide.client.jms.consumer;

import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.QueueProgress;
import java.util.TreeSet;

/**
 * Where a group member stands in one queue: the next offset to pull and the offsets pulled but not
 * yet acknowledged. The committed offset is the lowest unacknowledged one (or the next to pull when
 * none is outstanding), so acknowledgements out of order never skip a message after a restart.
 */
final class QueueCursor {
    private final MessageQueue queue;
    private final TreeSet<Long> outstanding = new TreeSet<>();
    private long nextOffset;
    private long committed = -1;
    private boolean commitScheduled;
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

    /** The offset to commit, or -1 when it has not moved since the last commit or the cursor was abandoned. */
    synchronized long commitPoint() {
        commitScheduled = false;
        if (abandoned) {
            return -1;
        }
        long point = outstanding.isEmpty() ? nextOffset : outstanding.first();
        if (point == committed) {
            return -1;
        }
        committed = point;
        return point;
    }
}
