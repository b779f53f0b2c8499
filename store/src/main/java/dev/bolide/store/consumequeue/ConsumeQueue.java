package dev.bolide.store.consumequeue;

import dev.bolide.store.StoreConfig;
import dev.bolide.store.segment.Allocation;
import dev.bolide.store.segment.MappedSegment;
import dev.bolide.store.segment.SegmentSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;

/**
 * The logical queue of one topic and queue id. Written by the dispatcher thread only; read by
 * any thread. Unit {@code n} lives at byte {@code n * 20} of the concatenated segments.
 *
 * <p>A queue can be {@linkplain #destroy() destroyed} while the broker runs (mqadmin
 * {@code cleanUnusedTopic}, {@code cleanExpiredCQ}): writes and destruction hold the queue's lock,
 * so a unit is never written into a deleted queue; a reader holding a segment keeps it mapped
 * until it lets go, and then finds the queue empty.
 */
public final class ConsumeQueue implements AutoCloseable {
    static final int UNIT = StoreConfig.CONSUME_QUEUE_UNIT;
    /** A placeholder unit for logical offsets whose data is gone; readers skip it. */
    static final int FILLER_SIZE = Integer.MAX_VALUE;
    private static final System.Logger LOG = System.getLogger(ConsumeQueue.class.getName());

    private final String topic;
    private final int queueId;
    private final SegmentSequence segments;
    private volatile long minOffset;
    /** Guarded by this. */
    private boolean destroyed;

    private ConsumeQueue(String topic, int queueId, SegmentSequence segments) {
        this.topic = topic;
        this.queueId = queueId;
        this.segments = segments;
        this.minOffset = segments.minOffset(0) / UNIT;
    }

    static ConsumeQueue open(Path directory, String topic, int queueId, int segmentSize) throws IOException {
        return new ConsumeQueue(topic, queueId, SegmentSequence.open(directory, segmentSize, false,
                Allocation.ON_DEMAND));
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    /** The next logical offset to be written: the number of units, counting deleted ones. */
    public long maxOffset() {
        return segments.maxOffset(0) / UNIT;
    }

    /** The first logical offset whose message is still stored. */
    public long minOffset() {
        return Math.min(minOffset, maxOffset());
    }

    /**
     * Records that the message at {@code queueOffset} is at {@code physicalOffset}. A unit that is
     * already there is left alone, so the CommitLog can be re-dispatched after a crash.
     *
     * @return false, writing nothing, when the queue was destroyed: the caller writes into the queue
     *         that replaced it
     */
    public synchronized boolean put(long queueOffset, long physicalOffset, int size, long tagsCode) {
        if (destroyed) {
            return false;
        }
        long next = maxOffset();
        if (queueOffset < next) {
            return true;
        }
        if (queueOffset > next) {
            long unitsPerSegment = segments.segmentSize() / UNIT;
            long fillFrom = segments.isEmpty() ? queueOffset / unitsPerSegment * unitsPerSegment : next;
            if (segments.isEmpty()) {
                // a queue deleted while its topic lived on (deleteTopic, cleanUnusedTopic): nothing below
                // this unit is stored, as a restart finds (correctMinOffset skips the fillers)
                minOffset = queueOffset;
                LOG.log(System.Logger.Level.INFO, "ConsumeQueue {0}-{1} created again at offset {2}",
                        topic, queueId, queueOffset);
            } else {
                LOG.log(System.Logger.Level.WARNING, "ConsumeQueue {0}-{1}: offsets {2} to {3} are missing; filled",
                        topic, queueId, fillFrom, queueOffset - 1);
            }
            for (long offset = fillFrom; offset < queueOffset; offset++) {
                write(offset, 0, FILLER_SIZE, 0);
            }
        }
        write(queueOffset, physicalOffset, size, tagsCode);
        return true;
    }

    private void write(long queueOffset, long physicalOffset, int size, long tagsCode) {
        long position = queueOffset * UNIT;
        MappedSegment segment = segments.last();
        if (segment == null || segment.isFull()) {
            segment = createSegment(position / segments.segmentSize() * segments.segmentSize());
        }
        int at = (int) (position - segment.startOffset());
        allocate(segment, at + UNIT);
        segment.buffer().putLong(at, physicalOffset).putInt(at + 8, size).putLong(at + 12, tagsCode);
        segment.setWritePosition(at + UNIT);
    }

    private void allocate(MappedSegment segment, int end) {
        try {
            segment.allocate(end);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot allocate space for ConsumeQueue " + topic + "-" + queueId, e);
        }
    }

    private MappedSegment createSegment(long startOffset) {
        try {
            return segments.createSegment(startOffset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extend ConsumeQueue " + topic + "-" + queueId, e);
        }
    }

    /**
     * Visits units from {@code fromOffset} on, across segments, until the visitor declines, the
     * queue ends or {@code maxUnits} were visited. Filler units are skipped but counted.
     *
     * @return the number of units passed over
     */
    public int read(long fromOffset, int maxUnits, UnitVisitor visitor) {
        long offset = fromOffset;
        long end = Math.min(maxOffset(), fromOffset + maxUnits);
        while (offset < end) {
            MappedSegment segment = segments.acquire(offset * UNIT);
            if (segment == null) {
                break;
            }
            try {
                ByteBuffer buffer = segment.buffer();
                long segmentEnd = Math.min(end, (segment.startOffset() + segment.writePosition()) / UNIT);
                for (; offset < segmentEnd; offset++) {
                    int at = (int) (offset * UNIT - segment.startOffset());
                    int size = buffer.getInt(at + 8);
                    if (size != FILLER_SIZE && !visitor.visit(offset, buffer.getLong(at), size, buffer.getLong(at + 12))) {
                        return (int) (offset - fromOffset);
                    }
                }
            } finally {
                segment.release();
            }
        }
        return (int) (offset - fromOffset);
    }

    /**
     * Cuts the queue back to its last unit that refers to a record below {@code limit} and that
     * the CommitLog confirms. Units of records at or after {@code limit} are dropped too: the
     * caller re-dispatches from there, and only such units can have been torn by a crash, because
     * everything below the checkpointed {@code limit} was flushed before the checkpoint was written.
     */
    public void recover(long limit, UnitValidator validator) {
        MappedSegment last = segments.last();
        if (last == null) {
            return;
        }
        long offset = endOfData(last);
        long first = segments.minOffset(0) / UNIT;
        while (offset > first && !isValid(offset - 1, limit, validator)) {
            offset--;
        }
        segments.truncate(offset * UNIT);
    }

    /** The offset after the last unit of the segment before the first empty one. */
    private long endOfData(MappedSegment segment) {
        ByteBuffer buffer = segment.buffer();
        int at = 0;
        while (at < segment.size() && buffer.getInt(at + 8) != 0) {
            at += UNIT;
        }
        return (segment.startOffset() + at) / UNIT;
    }

    private boolean isValid(long offset, long limit, UnitValidator validator) {
        MappedSegment segment = segments.segmentAt(offset * UNIT);
        ByteBuffer buffer = segment.buffer();
        int at = (int) (offset * UNIT - segment.startOffset());
        long physicalOffset = buffer.getLong(at);
        int size = buffer.getInt(at + 8);
        if (size == FILLER_SIZE) {
            return true;
        }
        return size > 0 && physicalOffset >= 0 && physicalOffset + size <= limit
                && validator.holds(physicalOffset, size, topic, queueId, offset);
    }

    /** Moves the min offset to the first unit whose message is still in the CommitLog. */
    public void correctMinOffset(long commitLogMinOffset) {
        long[] first = {maxOffset()};
        read(segments.minOffset(0) / UNIT, Integer.MAX_VALUE, (queueOffset, physicalOffset, size, tags) -> {
            if (physicalOffset >= commitLogMinOffset) {
                first[0] = queueOffset;
                return false;
            }
            return true;
        });
        minOffset = first[0];
    }

    /**
     * Deletes leading segments that only refer to CommitLog data below {@code commitLogMinOffset}.
     * Synchronized: retention and mqadmin's cleanExpiredCQ may both run it, and each must check the
     * segment it deletes.
     */
    public synchronized int deleteSegmentsBelow(long commitLogMinOffset) {
        int deleted = 0;
        while (segments.segments().size() > 1) {
            ByteBuffer first = segments.first().buffer();
            int lastUnit = segments.segmentSize() - UNIT;
            int size = first.getInt(lastUnit + 8);
            if (size != FILLER_SIZE && first.getLong(lastUnit) + size > commitLogMinOffset) {
                break;
            }
            segments.deleteFirst();
            deleted++;
        }
        correctMinOffset(commitLogMinOffset);
        return deleted;
    }

    /**
     * The logical offset of the message stored closest to {@code timestamp}: binary search over
     * the store timestamps the CommitLog gives for each unit's offset (-1 for gone messages).
     */
    public long offsetByTime(long timestamp, LongUnaryOperator storeTimestampAt) {
        long low = minOffset();
        long high = maxOffset() - 1;
        if (high < low) {
            return 0;
        }
        while (low < high) {
            long mid = (low + high) >>> 1;
            long time = storeTimestampAt.applyAsLong(physicalOffsetAt(mid));
            if (time < timestamp) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        long at = storeTimestampAt.applyAsLong(physicalOffsetAt(low));
        if (at <= timestamp || low == minOffset()) {
            return low;
        }
        long before = storeTimestampAt.applyAsLong(physicalOffsetAt(low - 1));
        return timestamp - before < at - timestamp ? low - 1 : low;
    }

    /** The CommitLog offset of the unit at a logical offset, or -1 when the queue does not hold it. */
    public long physicalOffsetAt(long offset) {
        long[] physical = {-1};
        read(offset, 1, (queueOffset, physicalOffset, size, tags) -> {
            physical[0] = physicalOffset;
            return false;
        });
        return physical[0];
    }

    /**
     * Whether every unit refers to CommitLog data below {@code commitLogMinOffset}, that is gone:
     * the queue has units and its last one is gone (RocketMQ's {@code cleanExpiredConsumerQueue} test).
     */
    public boolean holdsOnlyDataBelow(long commitLogMinOffset) {
        long last = maxOffset() - 1;
        if (last < 0) {
            return false;
        }
        long[] end = {-1};
        read(last, 1, (queueOffset, physicalOffset, size, tags) -> {
            end[0] = physicalOffset + size;
            return false;
        });
        return end[0] <= commitLogMinOffset; // a last unit that is a filler counts as gone
    }

    /**
     * Deletes every segment and refuses later writes. A reader that holds a segment keeps its
     * mapping; the file goes when it lets go.
     */
    synchronized void destroy() {
        destroyed = true;
        while (!segments.isEmpty()) {
            segments.deleteFirst();
        }
        segments.close();
    }

    public void flush() {
        segments.flush();
    }

    @Override
    public void close() {
        segments.close();
    }
}
