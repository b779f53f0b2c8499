package dev.bolide.store.index;

import dev.bolide.store.segment.Allocation;
import dev.bolide.store.segment.MappedSegment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * One index file: a 40-byte header, a table of hash slots each holding the number of the newest
 * entry for that slot, and entries of 20 bytes (key hash, CommitLog offset, seconds since the
 * file's begin timestamp, number of the previous entry in the same slot). Entry 0 is never used,
 * so 0 means "none". Written by the dispatcher thread only; the slot table of the file being
 * written is held in a {@link SlotTable} meanwhile.
 */
final class IndexFile {
    private static final int HEADER = 40;
    private static final int BEGIN_TIMESTAMP = 0;
    private static final int END_TIMESTAMP = 8;
    private static final int BEGIN_PHY_OFFSET = 16;
    private static final int END_PHY_OFFSET = 24;
    private static final int HASH_SLOT_COUNT = 32;
    private static final int INDEX_COUNT = 36;
    private static final int SLOT = 4;
    private static final int ENTRY = 20;

    private final long name;
    private final MappedSegment file;
    private final ByteBuffer buffer;
    private final int slotCount;
    private final int maxEntries;
    /** The slots while this file is written, null before its first entry here and once it is full. */
    private volatile SlotTable slots;

    private IndexFile(long name, MappedSegment file, int slotCount, int maxEntries) {
        this.name = name;
        this.file = file;
        this.buffer = file.buffer();
        this.slotCount = slotCount;
        this.maxEntries = maxEntries;
    }

    static int fileSize(int slotCount, int maxEntries) {
        return HEADER + slotCount * SLOT + maxEntries * ENTRY;
    }

    /**
     * Creates a sparse file with its header and slot table allocated: slots are written at random
     * (20 MB for RocketMQ's 5,000,000), entries in order, so those are allocated as they come.
     */
    static IndexFile create(Path path, long name, int slotCount, int maxEntries) throws IOException {
        MappedSegment file = MappedSegment.create(path, 0, fileSize(slotCount, maxEntries), Allocation.ON_DEMAND);
        try {
            file.allocate(HEADER + slotCount * SLOT);
        } catch (IOException e) {
            file.delete();
            throw e;
        }
        IndexFile index = new IndexFile(name, file, slotCount, maxEntries);
        index.buffer.putInt(INDEX_COUNT, 1);
        index.slots = SlotTable.empty(HEADER, slotCount * SLOT);
        return index;
    }

    static IndexFile open(Path path, long name, int slotCount, int maxEntries) throws IOException {
        MappedSegment file = MappedSegment.open(path, 0, fileSize(slotCount, maxEntries), false, Allocation.ON_DEMAND);
        IndexFile index = new IndexFile(name, file, slotCount, maxEntries);
        index.file.limitAllocation(index.entryPosition(index.entryCount()));
        return index;
    }

    long name() {
        return name;
    }

    /** The number of the next entry; never below 1 (a file killed before its header was written reads 0). */
    int entryCount() {
        return Math.max(1, buffer.getInt(INDEX_COUNT));
    }

    boolean isFull() {
        return entryCount() >= maxEntries;
    }

    long beginTimestamp() {
        return buffer.getLong(BEGIN_TIMESTAMP);
    }

    long endTimestamp() {
        return buffer.getLong(END_TIMESTAMP);
    }

    long endPhyOffset() {
        return buffer.getLong(END_PHY_OFFSET);
    }

    boolean isEmpty() {
        return entryCount() <= 1;
    }

    /** RocketMQ's: the absolute value of the key's hash code, {@code Integer.MIN_VALUE} taken as 0. */
    static int keyHash(String key) {
        return Math.max(0, Math.abs(key.hashCode()));
    }

    /**
     * The hash Bolide 0.1 wrote, which differs from RocketMQ's for a negative hash code: still looked
     * up, so that entries in index files of stores it wrote are found.
     */
    static int legacyKeyHash(String key) {
        return key.hashCode() & Integer.MAX_VALUE;
    }

    /**
     * Adds one entry; the caller checked {@link #isFull()}.
     *
     * @throws UncheckedIOException when no space is left for it; nothing is changed then
     */
    void put(String key, long physicalOffset, long storeTimestamp) {
        int count = entryCount();
        allocate(entryPosition(count) + ENTRY);
        SlotTable table = writableSlots();
        int hash = keyHash(key);
        int slotAt = slotPosition(hash);
        int previous = table.get(slotAt);
        if (previous <= 0 || previous >= count) {
            previous = 0;
        }
        if (count == 1) {
            buffer.putLong(BEGIN_TIMESTAMP, storeTimestamp).putLong(BEGIN_PHY_OFFSET, physicalOffset);
        }
        int entryAt = entryPosition(count);
        buffer.putInt(entryAt, hash)
                .putLong(entryAt + 4, physicalOffset)
                .putInt(entryAt + 12, timeDiff(storeTimestamp))
                .putInt(entryAt + 16, previous);
        table.put(slotAt, count);
        if (previous == 0) {
            buffer.putInt(HASH_SLOT_COUNT, buffer.getInt(HASH_SLOT_COUNT) + 1);
        }
        buffer.putLong(END_TIMESTAMP, storeTimestamp).putLong(END_PHY_OFFSET, physicalOffset);
        buffer.putInt(INDEX_COUNT, count + 1);
    }

    private SlotTable writableSlots() {
        SlotTable table = slots;
        if (table == null) {
            table = SlotTable.read(file, HEADER, slotCount * SLOT);
            slots = table;
        }
        return table;
    }

    /** The newest entry of the slot at {@code position}. */
    private int slot(int position) {
        SlotTable table = slots;
        return table != null ? table.get(position) : buffer.getInt(position);
    }

    private void allocate(int end) {
        try {
            file.allocate(end);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot allocate space in index file " + file.path(), e);
        }
    }

    private int timeDiff(long storeTimestamp) {
        long seconds = (storeTimestamp - beginTimestamp()) / 1000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
    }

    /**
     * Adds to {@code out} the offsets of entries whose key hash matches and whose time is within
     * [{@code begin}, {@code end}], newest first, until {@code out} holds {@code maxNum}.
     */
    void select(String key, int maxNum, long begin, long end, List<Long> out) {
        if (!file.retain()) {
            return;
        }
        try {
            int hash = keyHash(key);
            selectRetained(hash, maxNum, begin, end, out);
            int legacy = legacyKeyHash(key);
            if (legacy != hash) {
                selectRetained(legacy, maxNum, begin, end, out);
            }
        } finally {
            file.release();
        }
    }

    private void selectRetained(int hash, int maxNum, long begin, long end, List<Long> out) {
        int count = entryCount();
        int entry = slot(slotPosition(hash));
        while (entry > 0 && entry < count && out.size() < maxNum) {
            int entryAt = entryPosition(entry);
            long time = beginTimestamp() + buffer.getInt(entryAt + 12) * 1000L;
            if (time < begin - 999) {
                break;
            }
            if (buffer.getInt(entryAt) == hash && time <= end) {
                out.add(buffer.getLong(entryAt + 4));
            }
            int previous = buffer.getInt(entryAt + 16);
            if (previous >= entry) {
                break;
            }
            entry = previous;
        }
    }

    /**
     * Cuts the file back to its first {@code keepCount} entry numbers, dropping also entries that
     * refer to CommitLog data at or past {@code commitLogEnd}, and rebuilds the slot table from the
     * entries kept. Used after a crash: entries up to the checkpoint were flushed and are intact,
     * but slots may point at entries that never reached the disk.
     */
    void repair(int keepCount, long commitLogEnd) {
        slots = null; // rebuilt in the file, read again by the next entry
        int count = Math.max(1, Math.min(keepCount, entryCount()));
        while (count > 1 && buffer.getLong(entryPosition(count - 1) + 4) >= commitLogEnd) {
            count--;
        }
        file.zeroTail(entryPosition(count));
        file.zero(HEADER, HEADER + slotCount * SLOT);
        int usedSlots = 0;
        for (int entry = 1; entry < count; entry++) {
            int slotAt = slotPosition(buffer.getInt(entryPosition(entry)));
            if (buffer.getInt(slotAt) == 0) {
                usedSlots++;
            }
            buffer.putInt(slotAt, entry);
        }
        buffer.putInt(HASH_SLOT_COUNT, usedSlots).putInt(INDEX_COUNT, count);
        if (count > 1) {
            int lastAt = entryPosition(count - 1);
            buffer.putLong(END_PHY_OFFSET, buffer.getLong(lastAt + 4))
                    .putLong(END_TIMESTAMP, beginTimestamp() + buffer.getInt(lastAt + 12) * 1000L);
        } else {
            file.zero(0, HEADER);
            buffer.putInt(INDEX_COUNT, 1);
        }
        file.forceAll();
    }

    private int slotPosition(int hash) {
        return HEADER + (hash % slotCount) * SLOT;
    }

    private int entryPosition(int entry) {
        return HEADER + slotCount * SLOT + entry * ENTRY;
    }

    /** Writes the slot table into the file, then forces it; a full file's table is then let go. */
    void flush() {
        SlotTable table = slots;
        // checked first: once full, no entry is on its way into the table
        boolean full = isFull();
        if (table != null) {
            table.writeTo(file);
        }
        file.forceAll();
        if (full) {
            slots = null;
        }
    }

    /** Writes the slot table into the file (without forcing it) and unmaps it. */
    void close() {
        SlotTable table = slots;
        if (table != null) {
            table.writeTo(file);
        }
        file.close();
    }

    void delete() {
        file.delete();
    }
}
