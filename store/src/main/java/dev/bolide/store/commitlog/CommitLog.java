package dev.bolide.store.commitlog;

import dev.bolide.protocol.message.HostAddress;
import dev.bolide.protocol.message.MessageRecordLayout;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.MessageRecordWriter;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.RecordKind;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.RecordVisitor;
import dev.bolide.store.StoreConfig;
import dev.bolide.store.StoreException;
import dev.bolide.store.segment.Allocation;
import dev.bolide.store.segment.MappedSegment;
import dev.bolide.store.segment.SegmentSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only log of message records. Appends are encoded outside the lock; under it a
 * batch only gets its offsets and timestamp and is copied into the mapped segment in one piece,
 * so store timestamps and queue offsets grow in CommitLog order.
 */
public final class CommitLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CommitLog.class.getName());

    private final SegmentSequence segments;
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private final ReentrantLock appendLock = new ReentrantLock();
    /** When the append holding the lock took it; 0 while none does (RocketMQ's beginTimeInLock). */
    private volatile long lockedSinceMillis;
    private final byte[] storeHost;
    private final int maxMessageSize;
    private final Clock clock;
    private volatile boolean closed;
    private volatile String refusal;

    private CommitLog(SegmentSequence segments, StoreConfig config) {
        this.segments = segments;
        this.storeHost = HostAddress.encode(config.storeHost());
        this.maxMessageSize = config.maxMessageSize();
        this.clock = config.clock();
    }

    public static CommitLog open(StoreConfig config) throws IOException {
        Allocation allocation = config.zeroFillCommitLog() ? Allocation.WHOLE_FORCED : Allocation.SPARSE;
        return new CommitLog(SegmentSequence.open(config.storePathCommitLog(), config.mappedFileSizeCommitLog(), true,
                allocation), config);
    }

    public SegmentSequence segments() {
        return segments;
    }

    /**
     * Finds where valid data ends, starting from {@code from} (a record boundary, normally the
     * last checkpoint), and cuts everything after it.
     *
     * @return the end of valid data
     */
    public long recover(long from, boolean checkCrc) {
        long end = CommitLogScanner.validEnd(segments, from, checkCrc);
        segments.truncate(end);
        return end;
    }

    /** Sets the next queue offset of a queue; used when rebuilding state at start-up. */
    public void restoreQueueOffset(String topic, int queueId, long nextOffset) {
        appendLock.lock();
        try {
            queueOffsets.set(topic, queueId, nextOffset);
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * How long the append in progress has held the append lock (mqadmin {@code clusterList}'s
     * PCWait, RocketMQ's {@code pageCacheLockTimeMills}); 0 when no append holds it.
     */
    public long appendLockHeldMillis() {
        long since = lockedSinceMillis;
        return since == 0 ? 0 : Math.max(0, clock.millis() - since);
    }

    /**
     * Refuses appends with {@link StoreException.Reason#DISK_FULL} and the given explanation while
     * it is non-null.
     */
    public void refuseAppends(String explanation) {
        this.refusal = explanation;
    }

    public List<AppendedMessage> append(List<MessageToStore> batch) {
        EncodedBatch encoded = EncodedBatch.encode(batch, storeHost, maxMessageSize, segments.segmentSize());
        long[] queueOffsets = new long[batch.size()];
        long physicalStart;
        long storeTimestamp;
        appendLock.lock();
        try {
            lockedSinceMillis = clock.millis();
            checkWritable();
            MappedSegment segment = segmentWithRoom(encoded.length());
            int position = segment.writePosition();
            allocate(segment, position + encoded.length() + MessageRecordLayout.BLANK_RECORD_LENGTH);
            physicalStart = segment.startOffset() + position;
            storeTimestamp = clock.millis();
            for (int i = 0; i < batch.size(); i++) {
                MessageToStore message = batch.get(i);
                queueOffsets[i] = MessageSysFlag.isConsumable(message.sysFlag())
                        ? this.queueOffsets.assign(message.topic(), message.queueId()) : 0L;
                encoded.assign(i, queueOffsets[i], physicalStart, storeTimestamp);
            }
            writeBatch(segment, position, encoded, batch, queueOffsets);
            segment.setWritePosition(position + encoded.length());
        } finally {
            lockedSinceMillis = 0;
            appendLock.unlock();
        }
        List<AppendedMessage> appended = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MessageToStore message = batch.get(i);
            long physicalOffset = physicalStart + encoded.start(i);
            appended.add(new AppendedMessage(message.topic(), message.queueId(), queueOffsets[i], physicalOffset,
                    encoded.size(i), storeTimestamp, storeHost));
        }
        return appended;
    }

    /**
     * Writes the batch with the zeros of a blank record after it, so that the blocks the blank
     * record closing the segment may need are taken now, when a full disk can still refuse a
     * record, rather than when the segment is closed. A refused write gives the batch's queue
     * offsets back: none of its records was stored.
     */
    private void writeBatch(MappedSegment segment, int position, EncodedBatch encoded, List<MessageToStore> batch,
            long[] assigned) {
        try {
            segment.write(position, encoded.bufferWithBlankRoom(), encoded.length() + MessageRecordLayout.BLANK_RECORD_LENGTH);
        } catch (UncheckedIOException e) {
            for (int i = batch.size() - 1; i >= 0; i--) {
                MessageToStore message = batch.get(i);
                if (MessageSysFlag.isConsumable(message.sysFlag())) {
                    queueOffsets.set(message.topic(), message.queueId(), assigned[i]);
                }
            }
            throw new StoreException(StoreException.Reason.DISK_FULL, "cannot write to " + segment.path() + " ("
                    + e.getCause().getMessage() + "); the append is refused, nothing was stored", e);
        }
    }

    private void checkWritable() {
        if (closed) {
            throw new StoreException(StoreException.Reason.CLOSED, "the store is closed");
        }
        String reason = refusal;
        if (reason != null) {
            throw new StoreException(StoreException.Reason.DISK_FULL, reason);
        }
    }

    /**
     * The segment to append {@code length} bytes to. A record never straddles two segments: when it
     * does not fit (leaving room for a blank record), the rest of the segment is filled with a blank
     * record and the next segment is used. The next segment is created first, so a failure to
     * create it changes nothing.
     */
    private MappedSegment segmentWithRoom(int length) {
        MappedSegment last = segments.last();
        if (last != null && length + MessageRecordLayout.BLANK_RECORD_LENGTH <= last.remaining()) {
            segments.prepareAhead();
            return last;
        }
        if (last != null && last.remaining() > 0) {
            allocate(last, last.writePosition() + MessageRecordLayout.BLANK_RECORD_LENGTH);
        }
        MappedSegment next = createNextSegment();
        if (last != null && last.remaining() > 0) {
            ByteBuffer blank = ByteBuffer.allocate(MessageRecordLayout.BLANK_RECORD_LENGTH)
                    .putInt(MessageRecordLayout.TOTAL_SIZE, last.remaining())
                    .putInt(MessageRecordLayout.MAGIC, MessageRecordLayout.BLANK_MAGIC_CODE);
            last.write(last.writePosition(), blank, blank.capacity());
            last.setWritePosition(last.size());
        }
        return next;
    }

    private MappedSegment createNextSegment() {
        try {
            return segments.createNextSegment();
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.DISK_FULL,
                    "cannot create CommitLog segment in " + segments.directory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores whole records replicated from a master at exactly {@code physicalOffset}, the end of
     * the log; an empty log starts there (the segment size must divide it).
     *
     * @return the new end of the log
     */
    public long appendReplicated(long physicalOffset, ByteBuffer records) {
        appendLock.lock();
        try {
            checkWritable();
            long end = maxOffset();
            if (end == 0 && physicalOffset > 0) {
                startAt(physicalOffset);
            } else if (physicalOffset != end) {
                throw new IllegalStateException("replicated records at " + physicalOffset + " do not follow the "
                        + "CommitLog's end " + end);
            }
            writeAtEnd(records.slice());
            return maxOffset();
        } finally {
            appendLock.unlock();
        }
    }

    private void startAt(long physicalOffset) {
        try {
            segments.restartAt(physicalOffset);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.DISK_FULL,
                    "cannot create CommitLog segment in " + segments.directory() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the bytes stored from {@code physicalOffset} on are {@code expected}. */
    public boolean holdsBytes(long physicalOffset, ByteBuffer expected) {
        for (int checked = 0; checked < expected.remaining(); ) {
            MappedSegment segment = acquire(physicalOffset + checked);
            if (segment == null) {
                return false;
            }
            try {
                int position = (int) (physicalOffset + checked - segment.startOffset());
                int length = Math.min(expected.remaining() - checked, segment.writePosition() - position);
                if (length <= 0 || segment.buffer().slice(position, length)
                        .mismatch(expected.slice(checked, length)) >= 0) {
                    return false;
                }
                checked += length;
            } finally {
                segment.release();
            }
        }
        return true;
    }
    /** Writes {@code bytes} (from index 0) at the end of the log, going on in new segments as needed. */
    private void writeAtEnd(ByteBuffer bytes) {
        ByteBuffer rest = bytes;
        while (rest.hasRemaining()) {
            MappedSegment last = segments.last();
            if (last == null || last.isFull()) {
                last = createNextSegment();
            }
            int position = last.writePosition();
            int length = Math.min(rest.remaining(), last.remaining());
            allocate(last, position + length);
            last.write(position, rest, length);
            last.setWritePosition(position + length);
            rest = rest.slice(length, rest.remaining() - length);
        }
        segments.prepareAhead();
    }

    /**
     * A copy of at most {@code maxBytes} stored bytes from {@code physicalOffset}, all from one
     * segment; empty when nothing is stored there.
     */
    public ByteBuffer copyBytes(long physicalOffset, int maxBytes) {
        ByteBuffer[] copy = {ByteBuffer.allocate(0)};
        StoredBytesReader<RuntimeException> copying = bytes -> copy[0] = ByteBuffer.allocate(bytes.remaining())
                .put(bytes).flip();
        readBytes(physicalOffset, maxBytes, copying);
        return copy[0];
    }

    /**
     * Shows {@code reader} at most {@code maxBytes} stored bytes from {@code physicalOffset}, all
     * from one segment, where they are mapped: the segment stays mapped until the reader returns.
     *
     * @return how many bytes the reader was shown; 0 when nothing is stored there (the reader is not called)
     */
    public <X extends Exception> int readBytes(long physicalOffset, int maxBytes, StoredBytesReader<X> reader)
            throws X {
        MappedSegment segment = acquire(physicalOffset);
        if (segment == null) {
            return 0;
        }
        try {
            int position = (int) (physicalOffset - segment.startOffset());
            int length = Math.max(0, Math.min(maxBytes, segment.writePosition() - position));
            if (length > 0) {
                reader.read(segment.buffer().slice(position, length).asReadOnlyBuffer());
            }
            return length;
        } finally {
            segment.release();
        }
    }

    /**
     * Allocates the blocks below {@code end} before anything is written there; room for the blank
     * record that may follow is allocated with each record, so closing a segment never fails.
     */
    private void allocate(MappedSegment segment, int end) {
        try {
            segment.allocate(end);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.DISK_FULL, "disk full: cannot allocate space in "
                    + segment.path() + " (" + e.getMessage() + "); the append is refused, nothing was written", e);
        }
    }

    /** Offset just past the last appended record. */
    public long maxOffset() {
        return segments.maxOffset(0);
    }

    /** Offset of the first byte still stored. */
    public long minOffset() {
        return segments.minOffset(0);
    }

    /** The segment holding {@code physicalOffset}, retained for the caller; null if it is gone. */
    public MappedSegment acquire(long physicalOffset) {
        return segments.acquire(physicalOffset);
    }

    /** A copy of the record at {@code physicalOffset}, or null when no record starts there. */
    public ByteBuffer readRecord(long physicalOffset) {
        MappedSegment segment = acquire(physicalOffset);
        if (segment == null) {
            return null;
        }
        try {
            int position = (int) (physicalOffset - segment.startOffset());
            if (position >= segment.writePosition() || MessageRecordView.classify(segment.buffer(), position,
                    segment.writePosition() - position, false) != RecordKind.MESSAGE) {
                return null;
            }
            int size = segment.buffer().getInt(position);
            ByteBuffer copy = ByteBuffer.allocate(size);
            copy.put(0, segment.buffer(), position, size);
            return copy;
        } finally {
            segment.release();
        }
    }

    /**
     * Shows the visitor every record from {@code from} (a record boundary) up to {@code to}, in
     * order; data that is not a record ends the walk.
     */
    public void forEachRecord(long from, long to, RecordVisitor visitor) {
        MessageRecordView view = new MessageRecordView();
        long offset = Math.max(from, minOffset());
        while (offset < to) {
            MappedSegment segment = acquire(offset);
            if (segment == null) {
                return;
            }
            try {
                offset = visitSegment(segment, offset, to, view, visitor);
            } finally {
                segment.release();
            }
        }
    }

    /** Returns where the walk goes on: the next segment after a blank record, {@code Long.MAX_VALUE} to stop. */
    private static long visitSegment(MappedSegment segment, long from, long to, MessageRecordView view,
            RecordVisitor visitor) {
        ByteBuffer buffer = segment.buffer();
        int position = (int) (from - segment.startOffset());
        int written = segment.writePosition();
        while (position < written && segment.startOffset() + position < to) {
            switch (MessageRecordView.classify(buffer, position, written - position, false)) {
                case MESSAGE -> {
                    visitor.visit(segment.startOffset() + position, view.wrap(buffer, position));
                    position += buffer.getInt(position);
                }
                case BLANK -> {
                    return segment.endOffset();
                }
                default -> {
                    return Long.MAX_VALUE;
                }
            }
        }
        long reached = segment.startOffset() + position;
        // short of the end: this segment holds nothing more, the walk goes on in the next one
        return reached >= to ? reached : segment.endOffset();
    }

    /**
     * Whether a valid record of {@code size} bytes starts at {@code physicalOffset} and carries the
     * given topic, queue and queue offset.
     */
    public boolean holdsRecord(long physicalOffset, int size, String topic, int queueId, long queueOffset) {
        MappedSegment segment = acquire(physicalOffset);
        if (segment == null) {
            return false;
        }
        try {
            int position = (int) (physicalOffset - segment.startOffset());
            if (MessageRecordView.classify(segment.buffer(), position, segment.size() - position, false)
                    != RecordKind.MESSAGE) {
                return false;
            }
            MessageRecordView record = new MessageRecordView().wrap(segment.buffer(), position);
            return record.totalSize() == size && record.physicalOffset() == physicalOffset
                    && record.queueOffset() == queueOffset && record.queueId() == queueId && record.topic().equals(topic);
        } finally {
            segment.release();
        }
    }

    /** Store timestamp of the record at {@code physicalOffset}, or -1 when it is gone. */
    public long storeTimestampAt(long physicalOffset) {
        MappedSegment segment = acquire(physicalOffset);
        if (segment == null) {
            return -1;
        }
        try {
            int position = (int) (physicalOffset - segment.startOffset());
            return new MessageRecordView().wrap(segment.buffer(), position).storeTimestamp();
        } finally {
            segment.release();
        }
    }

    /** Stops appends; pending ones complete first because close takes the append lock. */
    public void stopAppends() {
        appendLock.lock();
        try {
            closed = true;
        } finally {
            appendLock.unlock();
        }
    }

    @Override
    public void close() {
        stopAppends();
        segments.close();
        LOG.log(System.Logger.Level.DEBUG, "CommitLog closed in {0}", segments.directory());
    }
}
