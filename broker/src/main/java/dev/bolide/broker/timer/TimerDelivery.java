package dev.bolide.broker.timer;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers due timers: reads each timer record, appends its delivery (the message on its real
 * topic, with a {@link DeliveryMarker}) and only then marks the timer delivered, inside an open
 * {@link DeliveryWindow}. Deliveries are appended in batches of a bounded size (a batch must fit
 * in one CommitLog segment).
 */
final class TimerDelivery {
    private static final System.Logger LOG = System.getLogger(TimerDelivery.class.getName());
    private static final int BATCH_BYTES = 256 * 1024;

    private final MessageStore store;
    private final PendingTimers pending;
    private final DeliveryWindow window;
    private final MessageRecordView view = new MessageRecordView();

    TimerDelivery(MessageStore store, PendingTimers pending, DeliveryWindow window) {
        this.store = store;
        this.pending = pending;
        this.window = window;
    }

    /**
     * Delivers the timers, in batches.
     *
     * @throws dev.bolide.store.StoreException when the store refuses an append; the timers of that
     *                                         batch and later ones stay pending
     */
    void deliver(List<DueTimer> due) {
        int from = 0;
        while (from < due.size()) {
            int to = from + 1;
            long bytes = due.get(from).size();
            while (to < due.size() && bytes + due.get(to).size() <= BATCH_BYTES) {
                bytes += due.get(to).size();
                to++;
            }
            deliverBatch(due.subList(from, to));
            from = to;
        }
    }

    private void deliverBatch(List<DueTimer> batch) {
        List<MessageToStore> deliveries = new ArrayList<>(batch.size());
        List<DueTimer> delivered = new ArrayList<>(batch.size());
        for (DueTimer timer : batch) {
            MessageToStore delivery = deliveryOf(timer);
            if (delivery == null) {
                pending.markDelivered(timer);
            } else {
                deliveries.add(delivery);
                delivered.add(timer);
            }
        }
        if (deliveries.isEmpty()) {
            return;
        }
        window.begin(store.commitLogMaxOffset());
        store.append(deliveries);
        delivered.forEach(pending::markDelivered);
        window.end();
    }

    /** The delivery of a timer; null when its record is gone or unusable (the timer is lost, loudly). */
    private MessageToStore deliveryOf(DueTimer timer) {
        ByteBuffer record = store.lookupMessage(timer.commitLogOffset());
        if (record == null || !isRecordOf(view.wrap(record, 0), timer)) {
            LOG.log(System.Logger.Level.ERROR, "the record of timer {0} (CommitLog offset {1}) is gone: "
                    + "it cannot be delivered", timer.timerOffset(), timer.commitLogOffset());
            return null;
        }
        try {
            return TimerRecord.delivery(view, new DeliveryMarker(timer.position(), timer.timerOffset()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "timer " + timer.timerOffset() + " cannot be delivered", e);
            return null;
        }
    }

    private static boolean isRecordOf(MessageRecordView record, DueTimer timer) {
        return record.queueOffset() == timer.timerOffset() && record.queueId() == TimerRecord.QUEUE_ID
                && record.topic().equals(TimerRecord.TOPIC);
    }
}
