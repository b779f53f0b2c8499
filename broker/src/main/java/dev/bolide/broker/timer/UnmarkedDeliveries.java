package dev.bolide.broker.timer;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;

/**
 * After a crash, finds the deliveries the crash left unmarked: reads the CommitLog records from
 * where the open {@link DeliveryWindow} began to the end, and marks delivered every timer whose
 * {@link DeliveryMarker} one of them carries. The CommitLog is the truth; the marks in the timer
 * log only cache it.
 */
final class UnmarkedDeliveries {
    private UnmarkedDeliveries() {
    }

    /**
     * @param segmentSize the CommitLog's segment size: a record never spans two segments, so where
     *                    none is found the next segment is tried
     * @return how many timers were marked
     */
    static int mark(MessageStore store, int segmentSize, long from, PendingTimers pending) {
        MessageRecordView view = new MessageRecordView();
        long end = store.commitLogMaxOffset();
        int marked = 0;
        for (long offset = Math.max(from, store.commitLogMinOffset()); offset < end; ) {
            ByteBuffer record = store.lookupMessage(offset);
            if (record == null) {
                offset = (offset / segmentSize + 1) * segmentSize;
                continue;
            }
            DeliveryMarker marker = DeliveryMarker.parse(
                    MessageProperties.find(view.wrap(record, 0).properties(), DeliveryMarker.PROPERTY));
            if (marker != null && pending.markDelivered(marker.position(), marker.timerOffset())) {
                marked++;
            }
            offset += view.totalSize();
        }
        return marked;
    }
}
