package dev.bolide.store.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fixed-size file, mapped read-write for its whole length.
 *
 * <p>Files are filled with zeros when created, so that every block is allocated on disk before it
 * is mapped: a write to a mapped page of a sparse file on a full disk kills the JVM with SIGBUS,
 * whereas a failed zero-fill is an ordinary {@link IOException} that loses nothing.
 *
 * <p>Threads other than the one owning the segment must {@link #retain()} it before touching its
 * buffer and {@link #release()} it afterwards: the mapping is only dropped once every holder let go,
 * so a reader never touches unmapped memory while retention deletes the file under it.
 */
public final class MappedSegment {
    private static final int ZERO_CHUNK = 1 << 20;
    private static final int PAGE_SIZE = 4096;

    private final Path path;
    private final long startOffset;
    private final int size;
    private final FileChannel channel;
    private final MappedByteBuffer buffer;
    private final boolean syncWrites;
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile int writePosition;
    private volatile int flushedPosition;
    private volatile boolean deleteWhenReleased;

    private MappedSegment(Path path, long startOffset, int size, FileChannel channel, boolean syncWrites)
            throws IOException {
        this.path = path;
        this.syncWrites = syncWrites;
        this.startOffset = startOffset;
        this.size = size;
        this.channel = channel;
        this.buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
    }

    /** {@link #create(Path, long, int, boolean)} for data that is not forced after every write. */
    public static MappedSegment create(Path path, long startOffset, int size) throws IOException {
        return create(path, startOffset, size, false);
    }

    /**
     * Creates a new zero-filled file; fails if the file exists. The file is filled under a
     * temporary name and then renamed, so a killed process never leaves a short segment behind.
     *
     * @param syncWrites whether writers will wait for a force after each write ({@code SYNC_FLUSH}).
     *                   Then the zeros are forced before use, so that blocks are allocated and a
     *                   later force is a pure data write, and {@link #write} goes through the file
     *                   channel: on ext4 a write through the mapping re-dirties its page with a page
     *                   fault that costs every following force a journal commit (forces measured
     *                   2.7 times slower). Otherwise the zeros are not forced (the first force of data
     *                   makes size and blocks durable, and the zeros usually never reach the disk) and
     *                   writes are plain memory copies into the mapping, 20 times cheaper than a
     *                   system call.
     */
    public static MappedSegment create(Path path, long startOffset, int size, boolean syncWrites) throws IOException {
        Path temporary = temporaryPath(path);
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            zeroFill(channel, size);
            if (syncWrites) {
                channel.force(true);
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            MappedSegment segment = new MappedSegment(path, startOffset, size, channel, syncWrites);
            if (!syncWrites) {
                segment.prefault();
            }
            return segment;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Where {@link #create} builds a file before it gets its name; leftovers are deleted at start-up. */
    public static Path temporaryPath(Path path) {
        return path.resolveSibling(path.getFileName() + ".tmp");
    }

    /** Opens an existing file, which must have exactly {@code size} bytes. */
    public static MappedSegment open(Path path, long startOffset, int size) throws IOException {
        return open(path, startOffset, size, false, false);
    }

    /**
     * Opens an existing file; with {@code extendIfShort}, a file shorter than {@code size} is
     * extended with zeros first (a power loss can leave the newest segment shorter than it was
     * created, its size never having been forced because no data in it was).
     */
    public static MappedSegment open(Path path, long startOffset, int size, boolean extendIfShort,
            boolean syncWrites) throws IOException {
        long actual = Files.size(path);
        if (extendIfShort && actual < size) {
            extend(path, actual, size);
            actual = size;
        }
        if (actual != size) {
            throw new IOException("segment " + path + " has " + actual + " bytes, expected " + size
                    + " (was the segment size changed for an existing store?)");
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            return new MappedSegment(path, startOffset, size, channel, syncWrites);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Writes one zero into every page through the mapping, so that the page faults of a fresh
     * mapping are taken here (on the thread preparing the segment) rather than by appenders, one
     * per page. Safe on a full disk: the blocks were reserved by the zero-fill before.
     */
    private void prefault() {
        for (int page = 0; page < size; page += PAGE_SIZE) {
            buffer.put(page, (byte) 0);
        }
    }

    private static void extend(Path path, long from, int size) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZERO_CHUNK, size - from));
            for (long position = from; position < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - position));
                position += channel.write(zeros, position);
            }
        }
    }

    private static void zeroFill(FileChannel channel, int size) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(Math.min(size, ZERO_CHUNK));
        long position = 0;
        while (position < size) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), size - position));
            position += channel.write(zeros, position);
        }
    }

    public Path path() {
        return path;
    }

    public long startOffset() {
        return startOffset;
    }

    public long endOffset() {
        return startOffset + size;
    }

    public int size() {
        return size;
    }

    /** The mapping itself; use absolute get/put only, it is shared between threads. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Copies {@code length} bytes from the start of {@code source} to {@code position}, through
     * the channel or the mapping as chosen at creation; the caller publishes them with
     * {@link #setWritePosition}. Either way readers of the mapping see the bytes: both write the
     * same page cache.
     */
    public void write(int position, ByteBuffer source, int length) {
        if (!syncWrites) {
            buffer.put(position, source, 0, length);
            return;
        }
        ByteBuffer bytes = source.slice(0, length);
        try {
            for (long at = position; bytes.hasRemaining(); ) {
                at += channel.write(bytes, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + path, e);
        }
    }

    public int writePosition() {
        return writePosition;
    }

    /** Publishes bytes written below {@code position} to readers. */
    public void setWritePosition(int position) {
        this.writePosition = position;
    }

    public int remaining() {
        return size - writePosition;
    }

    public boolean isFull() {
        return writePosition == size;
    }

    public int flushedPosition() {
        return flushedPosition;
    }

    /** Forces the written but not yet flushed bytes to disk; returns the flushed position. */
    public int flush() {
        int target = writePosition;
        int from = flushedPosition;
        if (target > from) {
            buffer.force(from, target - from);
            flushedPosition = target;
        }
        return target;
    }

    /**
     * Cuts the segment back to {@code position}: zeroes everything after it and forces the zeros,
     * so that stale bytes can never be read back as records after later writes.
     */
    public void truncate(int position) {
        zeroTail(position);
        writePosition = position;
        flushedPosition = position;
    }

    /** Zeroes and forces whatever is not zero from {@code position} to the end of the file. */
    public void zeroTail(int position) {
        int end = lastNonZeroEnd(position);
        if (end > position) {
            zero(position, end);
            buffer.force(position, end - position);
        }
    }

    /** Writes zeros over [{@code from}, {@code to}). */
    public void zero(int from, int to) {
        byte[] zeros = new byte[Math.min(ZERO_CHUNK, Math.max(0, to - from))];
        for (int at = from; at < to; at += zeros.length) {
            buffer.put(at, zeros, 0, Math.min(zeros.length, to - at));
        }
    }

    /** Forces every dirty page of the file, wherever it is; for files not written sequentially. */
    public void forceAll() {
        buffer.force();
    }

    private int lastNonZeroEnd(int from) {
        int end = size;
        while (end - 8 >= from && buffer.getLong(end - 8) == 0) {
            end -= 8;
        }
        while (end > from && buffer.get(end - 1) == 0) {
            end--;
        }
        return end;
    }

    /** Takes a reference; false if the segment is already unmapped. */
    public boolean retain() {
        int count;
        do {
            count = references.get();
            if (count <= 0) {
                return false;
            }
        } while (!references.compareAndSet(count, count + 1));
        return true;
    }

    public void release() {
        if (references.decrementAndGet() == 0) {
            unmapAndClose();
        }
    }

    /** Drops the owner's reference; the file stays. */
    public void close() {
        release();
    }

    /** Drops the owner's reference and deletes the file once nobody holds the segment. */
    public void delete() {
        deleteWhenReleased = true;
        release();
    }

    public long lastModifiedMillis() {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unmapAndClose() {
        Unmapper.unmap(buffer);
        try {
            channel.close();
            if (deleteWhenReleased) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release segment " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.getFileName() + "[write=" + writePosition + ", flushed=" + flushedPosition + "]";
    }

    /**
     * Unmaps now instead of waiting for the garbage collector, which would keep deleted files
     * occupying disk space for an unbounded time. {@code Unsafe.invokeCleaner} is the JDK's
     * supported way to do it before the foreign-memory API.
     */
    private static final class Unmapper {
        private static final sun.misc.Unsafe UNSAFE = unsafe();

        static void unmap(MappedByteBuffer buffer) {
            UNSAFE.invokeCleaner(buffer);
        }

        private static sun.misc.Unsafe unsafe() {
            try {
                Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                return (sun.misc.Unsafe) field.get(null);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
