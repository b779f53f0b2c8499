package dev.bolide.broker.timer;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;

/**
 * Finds the deliveries the timer files do not know of: those a crash left unmarked, and those
 * another broker made (the master this store was a slave of). Reads the CommitLog records from a
 * given offset to the end and marks delivered every timer whose {@link DeliveryMarker} one of
 * them carries: in the timer log when it was taken in, else in the {@link DeliveredAhead}. The
 * CommitLog is the truth; the marks in the timer log only cache it.
 */
final class UnmarkedDeliveries {
    private UnmarkedDeliveries() {
    }

    /**
     * @param segmentSize the CommitLog's segment size: a record never spans two segments, so where
     *                    none is found the next segment is tried
     * @return how many timers were marked
     */
    static int mark(MessageStore store, int segmentSize, long from, PendingTimers pending, DeliveredAhead ahead) {
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
            if (marker != null && mark(marker, pending, ahead)) {
                marked++;
            }
            offset += view.totalSize();
        }
        return marked;
    }

    private static boolean mark(DeliveryMarker marker, PendingTimers pending, DeliveredAhead ahead) {
        if (ahead.covers(marker.timerOffset())) {
            return ahead.add(marker.timerOffset());
        }
        return pending.markDelivered(marker.position(), marker.timerOffset());
    }
}
