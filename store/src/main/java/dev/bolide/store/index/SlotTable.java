package dev.bolide.store.index;

import dev.bolide.store.segment.MappedSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * The hash-slot table of the index file being written, held in memory and copied into the file,
 * through its channel, when the file is flushed or closed. Keys hit the slots at random: written
 * through the mapping, each page of the table took a write-protect fault after every force or
 * writeback of the file (ext4's {@code page_mkwrite}, over a whole large folio), which was half
 * the dispatcher's work under sends. The file's own table is complete after a clean close; after a
 * crash {@link IndexFile#repair} rebuilds it from the entries.
 *
 * <p>Written by the dispatcher's thread, read by queries, copied by the checkpoint's thread: a
 * slot is marked dirty after it is written, and a copy unmarks a page before it reads it, so a
 * slot written meanwhile is copied then or by the next copy.
 */
final class SlotTable {
    private static final int PAGE = 4096;
    private static final VarHandle DIRTY = MethodHandles.arrayElementVarHandle(long[].class);

    /** Where the table starts in its file. */
    private final int start;
    private final ByteBuffer slots;
    /** One bit per page of the file that the table covers, set when a slot in it changed. */
    private final long[] dirtyPages;

    private SlotTable(int start, ByteBuffer slots) {
        this.start = start;
        this.slots = slots;
        int pages = (start + slots.capacity() + PAGE - 1) / PAGE;
        this.dirtyPages = new long[(pages + Long.SIZE - 1) / Long.SIZE];
    }

    /** The table of {@code length} bytes at {@code start} in {@code file}, as the file holds it. */
    static SlotTable read(MappedSegment file, int start, int length) {
        ByteBuffer slots = ByteBuffer.allocateDirect(length);
        file.read(start, slots);
        return new SlotTable(start, slots);
    }

    /** A table of {@code length} bytes at {@code start}, all slots empty, as in a new file. */
    static SlotTable empty(int start, int length) {
        return new SlotTable(start, ByteBuffer.allocateDirect(length));
    }

    /** The slot at {@code position} in the file. */
    int get(int position) {
        return slots.getInt(position - start);
    }

    void put(int position, int value) {
        slots.putInt(position - start, value);
        int page = position / PAGE;
        // atomic, and after the slot: a copy that unmarked the page before it sees the new value
        DIRTY.getAndBitwiseOr(dirtyPages, page / Long.SIZE, 1L << page);
    }

    /** Copies the pages with changed slots into {@code file}, through its channel. */
    void writeTo(MappedSegment file) {
        for (int word = 0; word < dirtyPages.length; word++) {
            long pages = (long) DIRTY.getAndSet(dirtyPages, word, 0L);
            while (pages != 0) {
                int first = Long.numberOfTrailingZeros(pages);
                int run = Long.numberOfTrailingZeros(~(pages >>> first));
                pages = run == Long.SIZE ? 0 : pages & ~(((1L << run) - 1) << first);
                int from = Math.max(start, (word * Long.SIZE + first) * PAGE);
                int to = Math.min(start + slots.capacity(), (word * Long.SIZE + first + run) * PAGE);
                file.writeThroughChannel(from, slots.slice(from - start, to - from));
            }
        }
    }
}
