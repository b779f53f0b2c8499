package dev.bolide.broker.timer;

import dev.bolide.store.segment.MappedSegment;
import dev.bolide.store.segment.SegmentSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The append-only log of timers: one fixed-size entry per timer, in the order the timers were
 * stored, in mapped segment files named by their start position (as the CommitLog's). An entry is
 * addressed by its position, the byte offset in the log. Position 0 is never used, so that
 * {@link #NONE} can mean "no entry" in links.
 *
 * <p>Entry layout, 48 bytes:
 * <pre>
 *  0 int  state       PENDING or DELIVERED, overwritten in place on delivery
 *  4 int  size        of the timer record in the CommitLog
 *  8 long due         delivery time, epoch ms
 * 16 long timerOffset the record's offset in the timer topic's queue
 * 24 long commitLog   the record's CommitLog offset
 * 32 long previous    position of the next older entry of the same wheel slot; rewritten as the
 *                     wheel's chains change
 * 40 int  crc         CRC32C of bytes 4..31, the fields that never change
 * 44 int  magic
 * </pre>
 * A torn entry (a crash in the middle of an append) fails its CRC and ends the log at the next
 * open. Only the timer thread uses a log: it is not thread-safe.
 */
final class TimerLog implements AutoCloseable {
    static final int ENTRY_SIZE = 48;
    static final long NONE = 0;
    /** 6 MiB segments: a million timers take eight. */
    static final int DEFAULT_ENTRIES_PER_SEGMENT = 1 << 17;

    private static final int STATE = 0;
    private static final int SIZE = 4;
    private static final int DUE = 8;
    private static final int TIMER_OFFSET = 16;
    private static final int COMMIT_LOG_OFFSET = 24;
    private static final int PREVIOUS = 32;
    private static final int CRC = 40;
    private static final int MAGIC = 44;
    private static final int CHECKED_LENGTH = PREVIOUS - SIZE;
    private static final int PENDING = 1;
    private static final int DELIVERED = 2;
    private static final int ENTRY_MAGIC = 0xB0117E01;

    private final SegmentSequence segments;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer checked = ByteBuffer.allocate(CHECKED_LENGTH);
    private long end;

    private TimerLog(SegmentSequence segments) {
        this.segments = segments;
    }

    /** Opens the log in {@code directory}, ending it after its last intact entry. */
    static TimerLog open(Path directory, int entriesPerSegment) throws IOException {
        TimerLog log = new TimerLog(SegmentSequence.open(directory, entriesPerSegment * ENTRY_SIZE, false));
        try {
            log.end = log.findEnd();
            if (!log.segments.isEmpty()) {
                log.segments.truncate(log.end);
            }
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** Entries are appended in order, so only the last segment can end in a torn or missing entry. */
    private long findEnd() {
        MappedSegment last = segments.last();
        if (last == null) {
            return ENTRY_SIZE;
        }
        long position = Math.max(last.startOffset(), ENTRY_SIZE);
        while (position < last.endOffset() && isValid(position)) {
            position += ENTRY_SIZE;
        }
        return position;
    }

    /** Appends a pending entry; returns its position. */
    long append(long due, long timerOffset, long commitLogOffset, int size, long previous) {
        return append(PENDING, due, timerOffset, commitLogOffset, size, previous);
    }

    /** Appends the entry of a timer delivered before it was taken in; returns its position. */
    long appendDelivered(long due, long timerOffset, long commitLogOffset, int size) {
        return append(DELIVERED, due, timerOffset, commitLogOffset, size, NONE);
    }

    private long append(int state, long due, long timerOffset, long commitLogOffset, int size, long previous) {
        MappedSegment segment = writableSegment();
        int at = (int) (end - segment.startOffset());
        ByteBuffer buffer = segment.buffer();
        buffer.putInt(at + STATE, state);
        buffer.putInt(at + SIZE, size);
        buffer.putLong(at + DUE, due);
        buffer.putLong(at + TIMER_OFFSET, timerOffset);
        buffer.putLong(at + COMMIT_LOG_OFFSET, commitLogOffset);
        buffer.putLong(at + PREVIOUS, previous);
        buffer.putInt(at + CRC, checksum(buffer, at));
        buffer.putInt(at + MAGIC, ENTRY_MAGIC);
        segment.setWritePosition(at + ENTRY_SIZE);
        long position = end;
        end += ENTRY_SIZE;
        return position;
    }

    private MappedSegment writableSegment() {
        MappedSegment last = segments.last();
        if (last != null && end < last.endOffset()) {
            return last;
        }
        try {
            MappedSegment created = segments.createNextSegment();
            if (created.startOffset() == 0) {
                created.setWritePosition(ENTRY_SIZE);
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a timer log segment in " + segments.directory(), e);
        }
    }

    private int checksum(ByteBuffer buffer, int at) {
        checked.clear();
        checked.put(0, buffer, at + SIZE, CHECKED_LENGTH);
        crc.reset();
        crc.update(checked.array(), 0, CHECKED_LENGTH);
        return (int) crc.getValue();
    }

    /** Whether an intact entry (magic, CRC, state) starts at {@code position}. */
    boolean isValid(long position) {
        MappedSegment segment = segments.segmentAt(position);
        if (segment == null) {
            return false;
        }
        int at = (int) (position - segment.startOffset());
        ByteBuffer buffer = segment.buffer();
        int state = buffer.getInt(at + STATE);
        return buffer.getInt(at + MAGIC) == ENTRY_MAGIC && (state == PENDING || state == DELIVERED)
                && buffer.getInt(at + CRC) == checksum(buffer, at);
    }

    boolean isPending(long position) {
        return intAt(position, STATE) == PENDING && intAt(position, MAGIC) == ENTRY_MAGIC;
    }

    void markDelivered(long position) {
        buffer(position).putInt(offsetIn(position) + STATE, DELIVERED);
    }

    long due(long position) {
        return longAt(position, DUE);
    }

    long timerOffset(long position) {
        return longAt(position, TIMER_OFFSET);
    }

    long commitLogOffset(long position) {
        return longAt(position, COMMIT_LOG_OFFSET);
    }

    int size(long position) {
        return intAt(position, SIZE);
    }

    long previous(long position) {
        return longAt(position, PREVIOUS);
    }

    void setPrevious(long position, long previous) {
        buffer(position).putLong(offsetIn(position) + PREVIOUS, previous);
    }

    /**
     * The position of the entry of {@code timerOffset}, or {@link #NONE}: entries are appended in
     * timer offset order, so a binary search finds it.
     */
    long positionOf(long timerOffset) {
        long low = firstPosition() / ENTRY_SIZE;
        long high = end / ENTRY_SIZE - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            long found = timerOffset(middle * ENTRY_SIZE);
            if (found == timerOffset) {
                return middle * ENTRY_SIZE;
            } else if (found < timerOffset) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return NONE;
    }

    /** Position of the oldest entry still stored. */
    long firstPosition() {
        return Math.max(segments.minOffset(0), ENTRY_SIZE);
    }

    /** Position the next entry will get. */
    long end() {
        return end;
    }

    /** Deletes the segments that lie wholly below {@code position}, never the last one. */
    void deleteSegmentsBelow(long position) {
        MappedSegment first = segments.first();
        while (first != null && first != segments.last() && first.endOffset() <= position) {
            segments.deleteFirst();
            first = segments.first();
        }
    }

    /** Forces every change, wherever it is: states and links are written in place. */
    void force() {
        for (MappedSegment segment : segments.segments()) {
            segment.forceAll();
        }
    }

    private int intAt(long position, int field) {
        return buffer(position).getInt(offsetIn(position) + field);
    }

    private long longAt(long position, int field) {
        return buffer(position).getLong(offsetIn(position) + field);
    }

    private ByteBuffer buffer(long position) {
        MappedSegment segment = segments.segmentAt(position);
        if (segment == null) {
            throw new IllegalStateException("no timer log segment holds position " + position);
        }
        return segment.buffer();
    }

    private int offsetIn(long position) {
        return (int) (position % segments.segmentSize());
    }

    @Override
    public void close() {
        segments.close();
    }
}
