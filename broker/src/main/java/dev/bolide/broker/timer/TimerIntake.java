package dev.bolide.broker.timer;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.GetMessageStatus;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;

/**
 * Takes the timer records the store has made readable in the timer topic's queue into the
 * {@link PendingTimers}, in queue order. Where it stopped is not saved anywhere: it is the queue
 * offset after the timer log's last entry, so the log and the queue (rebuilt by the store from
 * the CommitLog after a crash) cannot disagree. A timer whose delivery was found in the
 * CommitLog before it was taken in ({@link DeliveredAhead}) is added delivered.
 */
final class TimerIntake {
    private static final System.Logger LOG = System.getLogger(TimerIntake.class.getName());
    private static final int READ_BATCH = 32;

    private final MessageStore store;
    private final PendingTimers pending;
    private final MessageRecordView view = new MessageRecordView();
    private final DeliveredAhead deliveredAhead;
    private long next;

    TimerIntake(MessageStore store, PendingTimers pending) {
        this.store = store;
        this.pending = pending;
        long afterLog = pending.nextTimerOffset();
        this.next = afterLog >= 0 ? afterLog : store.minOffset(TimerRecord.TOPIC, TimerRecord.QUEUE_ID);
        this.deliveredAhead = new DeliveredAhead(next);
    }

    /** The timers, not taken in yet, to add delivered: filled before the timer thread starts. */
    DeliveredAhead deliveredAhead() {
        return deliveredAhead;
    }

    /**
     * The CommitLog offset of the next timer record to take in, when the timer log holds none:
     * the timer's files are new, and what the records ask may have been delivered by another
     * broker from there on. -1 when the log holds entries or no record waits.
     */
    long firstRecordOfEmptyLog() {
        if (pending.nextTimerOffset() >= 0 || !hasMore()) {
            return -1;
        }
        try (GetMessageResult read = store.getMessages(TimerRecord.TOPIC, TimerRecord.QUEUE_ID, next, 1,
                MessageFilter.ALL)) {
            return read.messages().isEmpty() ? -1 : view.wrap(read.messages().get(0), 0).physicalOffset();
        }
    }

    /** Takes in up to about {@code max} timers; returns whether more are waiting. */
    boolean takeIn(int max) {
        int taken = 0;
        while (taken < max && hasMore()) {
            long from = next;
            try (GetMessageResult read = store.getMessages(TimerRecord.TOPIC, TimerRecord.QUEUE_ID, from, READ_BATCH,
                    MessageFilter.ALL)) {
                if (read.status() == GetMessageStatus.OFFSET_TOO_SMALL) {
                    LOG.log(System.Logger.Level.ERROR, "timer records {0} to {1} were deleted before they were taken "
                            + "in: those timers are lost", from, read.nextBeginOffset());
                }
                for (ByteBuffer record : read.messages()) {
                    add(view.wrap(record, 0));
                    // per record: if a later add fails, this one must not be added twice
                    next = view.queueOffset() + 1;
                    taken++;
                }
                if (read.nextBeginOffset() <= from) {
                    break;
                }
                next = Math.max(next, read.nextBeginOffset());
            }
        }
        return hasMore();
    }

    /** Whether timer records wait to be taken in (asked by the timer thread before it sleeps). */
    boolean hasMore() {
        return next < store.maxOffset(TimerRecord.TOPIC, TimerRecord.QUEUE_ID);
    }

    private void add(MessageRecordView record) {
        if (deliveredAhead.contains(record.queueOffset())) {
            pending.addDelivered(TimerRecord.deliveryTime(record), record.queueOffset(), record.physicalOffset(),
                    record.totalSize());
        } else {
            pending.add(TimerRecord.deliveryTime(record), record.queueOffset(), record.physicalOffset(),
                    record.totalSize());
        }
    }
}
