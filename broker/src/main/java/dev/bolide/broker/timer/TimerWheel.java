package dev.bolide.broker.timer;

import dev.bolide.store.segment.MappedSegment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The time wheel: a ring of slots, each {@code precision} ms wide, each holding the position of
 * the newest {@link TimerLog} entry whose time falls into it (older ones follow through the
 * entries' own links). Slot {@code i} covers every window {@code [t, t + precision)} with
 * {@code t / precision = i} modulo the number of slots.
 *
 * <p>The slot heads live in a mapped file: a 16-byte header (magic, precision, slot count) and
 * 8 bytes a slot. Which slots are occupied is also kept on the heap, one bit a slot (324 KiB for
 * three days at 100 ms, however many timers there are), to find the next occupied slot quickly.
 * A file of another geometry is replaced by an empty one, to be rebuilt from the log.
 */
final class TimerWheel implements AutoCloseable {
    private static final int MAGIC = 0xB011E1E1;
    private static final int HEADER = 16;

    private final MappedSegment file;
    private final int slots;
    private final int precision;
    private final BitSet occupied;
    private final boolean fresh;

    private TimerWheel(MappedSegment file, int slots, int precision, boolean fresh) {
        this.file = file;
        this.slots = slots;
        this.precision = precision;
        this.fresh = fresh;
        this.occupied = new BitSet(slots);
        for (int slot = 0; slot < slots; slot++) {
            if (head(slot) != TimerLog.NONE) {
                occupied.set(slot);
            }
        }
    }

    static TimerWheel open(Path path, int slots, int precision) throws IOException {
        int size = HEADER + slots * 8;
        if (Files.exists(path) && Files.size(path) == size) {
            MappedSegment existing = MappedSegment.open(path, 0, size);
            ByteBuffer header = existing.buffer();
            if (header.getInt(0) == MAGIC && header.getInt(4) == precision && header.getInt(8) == slots) {
                return new TimerWheel(existing, slots, precision, false);
            }
            existing.close();
        }
        Files.deleteIfExists(path);
        MappedSegment created = MappedSegment.create(path, 0, size);
        created.buffer().putInt(0, MAGIC).putInt(4, precision).putInt(8, slots);
        return new TimerWheel(created, slots, precision, true);
    }

    /** Whether the file was just created, so that it holds none of the log's timers yet. */
    boolean isFresh() {
        return fresh;
    }

    int slots() {
        return slots;
    }

    int precision() {
        return precision;
    }

    int slotOf(long time) {
        return (int) Math.floorMod(Math.floorDiv(time, precision), (long) slots);
    }

    /** Start of the window of {@code time}'s slot. */
    long windowStart(long time) {
        return Math.floorDiv(time, precision) * precision;
    }

    long head(int slot) {
        return file.buffer().getLong(HEADER + slot * 8);
    }

    void setHead(int slot, long position) {
        file.buffer().putLong(HEADER + slot * 8, position);
        occupied.set(slot, position != TimerLog.NONE);
    }

    /**
     * How many slots after {@code slot} the next occupied one comes, going round the ring: from 1
     * to {@link #slots()} (the slot itself, one turn later); -1 when no slot is occupied.
     */
    int distanceToNextOccupied(int slot) {
        int next = occupied.nextSetBit(slot + 1);
        if (next < 0) {
            next = occupied.nextSetBit(0);
        }
        if (next < 0) {
            return -1;
        }
        int distance = Math.floorMod(next - slot, slots);
        return distance == 0 ? slots : distance;
    }

    /** Empties every slot. */
    void clear() {
        file.zero(HEADER, HEADER + slots * 8);
        occupied.clear();
    }

    void force() {
        file.forceAll();
    }

    @Override
    public void close() {
        file.close();
    }
}
