package dev.bolide.store;

import dev.bolide.store.commitlog.CommitLog;
import dev.bolide.store.consumequeue.ConsumeQueue;
import dev.bolide.store.consumequeue.ConsumeQueueTable;
import dev.bolide.store.segment.MappedSegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads a batch of messages from a queue: ConsumeQueue units first, then the records they point to. */
final class QueueReader {
    /** At least this many units are scanned, so that a long run of filtered-out messages does not stall a read. */
    private static final int MIN_UNITS_SCANNED = 800;

    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;

    QueueReader(CommitLog commitLog, ConsumeQueueTable queues) {
        this.commitLog = commitLog;
        this.queues = queues;
    }

    GetMessageResult read(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter) {
        ConsumeQueue queue = queues.find(topic, queueId);
        if (queue == null) {
            return GetMessageResult.empty(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 0, 0, 0);
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (max == 0) {
            return GetMessageResult.empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        }
        if (offset < min) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
        }
        if (offset == max) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        }
        if (offset > max) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        }
        Batch batch = new Batch(maxCount, maxBytes, filter);
        int scanned = queue.read(offset, Math.max(MIN_UNITS_SCANNED, maxCount), batch::add);
        return batch.result(offset + scanned, min, max);
    }

    /** Collects matching records, holding one reference per CommitLog segment they live in. */
    private final class Batch {
        private final int maxCount;
        private final int maxBytes;
        private final MessageFilter filter;
        private final List<ByteBuffer> messages = new ArrayList<>();
        private final List<MappedSegment> retained = new ArrayList<>();
        private int bytes;
        private boolean removed;

        Batch(int maxCount, int maxBytes, MessageFilter filter) {
            this.maxCount = maxCount;
            this.maxBytes = maxBytes;
            this.filter = filter;
        }

        boolean add(long queueOffset, long physicalOffset, int size, long tagsCode) {
            if (messages.size() >= maxCount || (!messages.isEmpty() && bytes + size > maxBytes)) {
                return false;
            }
            if (!filter.matchesTagsCode(tagsCode)) {
                return true;
            }
            MappedSegment segment = segmentFor(physicalOffset);
            if (segment == null) {
                removed = messages.isEmpty();
                return true;
            }
            int position = (int) (physicalOffset - segment.startOffset());
            ByteBuffer record = segment.buffer().slice(position, size).asReadOnlyBuffer();
            if (filter.matchesRecord(record.duplicate())) {
                messages.add(record);
                bytes += size;
            }
            return true;
        }

        private MappedSegment segmentFor(long physicalOffset) {
            MappedSegment last = retained.isEmpty() ? null : retained.get(retained.size() - 1);
            if (last != null && physicalOffset >= last.startOffset() && physicalOffset < last.endOffset()) {
                return last;
            }
            MappedSegment segment = commitLog.acquire(physicalOffset);
            if (segment != null) {
                retained.add(segment);
            }
            return segment;
        }

        /** @param next the offset after the last unit scanned, matched or not */
        GetMessageResult result(long next, long min, long max) {
            GetMessageStatus status = !messages.isEmpty() ? GetMessageStatus.FOUND
                    : removed ? GetMessageStatus.MESSAGE_WAS_REMOVING : GetMessageStatus.NO_MATCHED_MESSAGE;
            return new GetMessageResult(status, List.copyOf(messages), next, min, max, List.copyOf(retained));
        }
    }
}
