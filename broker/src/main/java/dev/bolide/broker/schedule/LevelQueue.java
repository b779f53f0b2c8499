package dev.bolide.broker.schedule;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * One level's schedule queue and how far delivery has come in it. Its messages are due in queue
 * order (same delay, growing store times), so delivery stops at the first that is not due yet.
 * Used by the schedule thread only, but for {@link #backlog}.
 */
final class LevelQueue {
    /** {@link #deliverDue} result when no message waits. */
    static final long IDLE = Long.MAX_VALUE;
    private static final System.Logger LOG = System.getLogger(LevelQueue.class.getName());
    private static final int BATCH = 32;
    /** A delivery the store refused is tried again after this long, as in RocketMQ. */
    private static final long RETRY_MILLIS = 100;
    /** Read again at once: the last read was used up. */
    private static final long READ_ON = Long.MIN_VALUE;

    private final MessageStore store;
    private final DelayLevels levels;
    private final int level;
    private final MessageRecordView view = new MessageRecordView();
    /** Written by the schedule thread only; volatile for the console, which reads the backlog. */
    private volatile long next;

    LevelQueue(MessageStore store, DelayLevels levels, int level, long next) {
        this.store = store;
        this.levels = levels;
        this.level = level;
        this.next = next;
    }

    int level() {
        return level;
    }

    /** The schedule-queue offset of the next message to deliver. */
    long next() {
        return next;
    }

    /** What waits in the level now, and when the first of it is due (-1: nothing waits). */
    LevelBacklog backlog() {
        long first = next;
        String topic = ScheduleTopic.NAME;
        int queue = ScheduleTopic.queueOf(level);
        long pending = Math.max(0, store.maxOffset(topic, queue) - first);
        long stored = pending == 0 ? -1 : store.storeTimestamp(topic, queue, first);
        return new LevelBacklog(level, levels.delayMillis(level), pending,
                stored < 0 ? -1 : levels.dueTime(level, stored));
    }

    /** Delivers every message due at {@code now}; returns when the next one is due, or {@link #IDLE}. */
    long deliverDue(long now) {
        long wake = READ_ON;
        while (wake == READ_ON) {
            try (GetMessageResult read = store.getMessages(ScheduleTopic.NAME, ScheduleTopic.queueOf(level), next,
                    BATCH, MessageFilter.ALL)) {
                wake = switch (read.status()) {
                    case FOUND -> deliver(read.messages(), now);
                    case OFFSET_TOO_SMALL, OFFSET_OVERFLOW_BADLY, NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING ->
                        skipTo(read.nextBeginOffset());
                    default -> IDLE;
                };
            }
        }
        return wake;
    }

    private long deliver(List<ByteBuffer> records, long now) {
        for (ByteBuffer record : records) {
            view.wrap(record, record.position());
            long due = dueTime(now);
            if (due > now) {
                return due;
            }
            Optional<MessageToStore> delivery = Delivery.of(view);
            if (delivery.isPresent() && !append(delivery.get())) {
                return now + RETRY_MILLIS;
            }
            next = view.queueOffset() + 1;
        }
        return READ_ON;
    }

    /** The due time; a message due later than a whole delay from now (the clock went back) is due now. */
    private long dueTime(long now) {
        long due = levels.dueTime(level, view.storeTimestamp());
        return due > now + levels.delayMillis(level) ? now : due;
    }

    private boolean append(MessageToStore delivery) {
        try {
            store.append(delivery);
            return true;
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "delivering a level {0} message failed, trying again: {1}", level,
                    e.getMessage());
            return false;
        }
    }

    private long skipTo(long offset) {
        if (offset == next) {
            return IDLE;
        }
        LOG.log(System.Logger.Level.WARNING, "level {0} schedule queue: no message from offset {1}, going on at {2}",
                level, next, offset);
        next = offset;
        return READ_ON;
    }
}
