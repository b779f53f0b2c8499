package dev.bolide.store.checkpoint;

import dev.bolide.store.index.IndexPosition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The durable progress of the store, written after the data it describes was forced:
 * <ul>
 * <li>{@code commitLogFlushed}: the CommitLog is on disk below this offset (a record boundary);
 * <li>{@code dispatched}: every ConsumeQueue unit and index entry of records below this offset is
 * on disk, and the index was at {@code index} at that moment.
 * </ul>
 * Two copies alternate in the file, each with a sequence number and a CRC, so that a write torn by
 * a crash leaves the previous copy readable.
 */
public record Checkpoint(long sequence, long commitLogFlushed, long dispatched, IndexPosition index) {
    /** No checkpoint yet: recovery starts from the beginning. */
    public static final Checkpoint NONE = new Checkpoint(0, 0, 0, IndexPosition.NONE);

    private static final int MAGIC = 0xB011DE01;
    private static final int SLOT_SIZE = 2048;
    private static final int LENGTH = 4 + 8 + 8 + 8 + 8 + 4;

    /** Reads the newest intact copy, or {@link #NONE}. */
    public static Checkpoint read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return NONE;
        }
        ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(file));
        Checkpoint best = NONE;
        for (int slot = 0; slot < 2; slot++) {
            Checkpoint copy = decode(content, slot * SLOT_SIZE);
            if (copy != null && copy.sequence > best.sequence) {
                best = copy;
            }
        }
        return best;
    }

    private static Checkpoint decode(ByteBuffer content, int at) {
        if (content.capacity() < at + LENGTH + 8 || content.getInt(at) != MAGIC
                || content.getLong(at + LENGTH) != crc(content, at)) {
            return null;
        }
        return new Checkpoint(content.getLong(at + 4), content.getLong(at + 12), content.getLong(at + 20),
                new IndexPosition(content.getLong(at + 28), content.getInt(at + 36)));
    }

    private static long crc(ByteBuffer content, int at) {
        CRC32 crc = new CRC32();
        crc.update(content.slice(at, LENGTH));
        return crc.getValue();
    }

    /** The next checkpoint, one sequence number later. */
    public Checkpoint next(long commitLogFlushed, long dispatched, IndexPosition index) {
        return new Checkpoint(sequence + 1, commitLogFlushed, dispatched, index);
    }

    /** Writes this copy over the older of the two slots and forces it. */
    public void write(Path file) throws IOException {
        ByteBuffer slot = ByteBuffer.allocate(LENGTH + 8);
        slot.putInt(MAGIC).putLong(sequence).putLong(commitLogFlushed).putLong(dispatched)
                .putLong(index.fileName()).putInt(index.entryCount());
        slot.putLong(crc(slot, 0)).flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long position = (sequence % 2) * SLOT_SIZE;
            while (slot.hasRemaining()) {
                position += channel.write(slot, position);
            }
            channel.force(true);
        }
    }
}
