package dev.bolide.store.segment;

import java.io.IOException;
import java.io.RandomAccessFile;
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
 * <p>Disk blocks are allocated by writing zeros through the file channel, whole at creation or,
 * for owners that write in order, on demand, a step ahead of the writes ({@link Allocation},
 * {@link #allocate}), the rest of the file staying a hole. A write through the mapping into
 * a hole on a full disk kills the JVM with SIGBUS, whereas a failed zero write is an ordinary
 * {@link IOException} that loses nothing; so nothing may be written through the mapping beyond
 * {@link #allocatedPosition()}. A store then occupies what it holds plus one step per file being
 * written: with RocketMQ's default sizes, 22.5 MB of messages took 1.5 GB on disk when every file
 * was zero-filled whole at creation, as RocketMQ's sparse files never are. Files written only
 * through the channel ({@link Allocation#SPARSE}) need no zeros at all: the kernel allocates
 * blocks as the data comes, and refuses a write it has no room for.
 *
 * <p>Threads other than the one owning the segment must {@link #retain()} it before touching its
 * buffer and {@link #release()} it afterwards: the mapping is only dropped once every holder let go,
 * so a reader never touches unmapped memory while retention deletes the file under it.
 */
public final class MappedSegment {
    private static final int ZERO_CHUNK = 1 << 20;
    private static final int PAGE_SIZE = 4096;
    /** The largest allocation step: a 1 GiB segment's 128th. */
    private static final int MAX_ALLOCATION_STEP = 8 << 20;

    private final Path path;
    private final long startOffset;
    private final int size;
    private final int allocationStep;
    private final FileChannel channel;
    private final MappedByteBuffer buffer;
    private final Allocation allocation;
    private final AtomicInteger references = new AtomicInteger(1);
    private volatile int writePosition;
    private volatile int flushedPosition;
    /** Blocks are allocated below it; above it the file may be a hole. Data only ever lies below it. */
    private volatile int allocatedPosition;
    private volatile boolean deleteWhenReleased;

    private MappedSegment(Path path, long startOffset, int size, FileChannel channel, Allocation allocation,
            int allocatedPosition) throws IOException {
        this.path = path;
        this.allocation = allocation;
        this.startOffset = startOffset;
        this.size = size;
        this.allocationStep = allocationStep(size, allocation);
        this.channel = channel;
        // a sparse file is never written through the mapping, so there is nothing to allocate ahead
        this.allocatedPosition = allocation == Allocation.SPARSE ? size : allocatedPosition;
        this.buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
    }

    /**
     * On demand, a 64th of the file, whole pages, at most {@link #MAX_ALLOCATION_STEP}: large
     * enough that allocation is rare, small enough that a file holds little beyond its data. Data
     * forced after every write (SYNC_FLUSH) is allocated whole, zeros forced, at creation (in the
     * background for the CommitLog): allocating it in forced steps while appenders force theirs
     * cost 16 threads of 1 KiB appends 11 % of their rate over 100 s (25,143/s against 28,318/s,
     * longest append 595 ms against 150 ms) with 64 MiB steps, and 20 % with 8 MiB steps.
     */
    static int allocationStep(int size, Allocation allocation) {
        if (allocation != Allocation.ON_DEMAND) {
            return size;
        }
        int pages = Math.max(1, (size / 64 + PAGE_SIZE - 1) / PAGE_SIZE);
        return (int) Math.min(MAX_ALLOCATION_STEP, (long) pages * PAGE_SIZE);
    }

    /** {@link #create(Path, long, int, Allocation)} of a file allocated {@link Allocation#WHOLE}. */
    public static MappedSegment create(Path path, long startOffset, int size) throws IOException {
        return create(path, startOffset, size, Allocation.WHOLE);
    }

    /**
     * Creates a new file of {@code size} bytes with its first allocation step allocated (all of it
     * unless {@link Allocation#ON_DEMAND}); fails if the file exists. The file gets its length
     * under a temporary name and is then renamed, so a killed process never leaves a short segment.
     *
     * @param allocation {@link Allocation#WHOLE_FORCED} for writers that wait for a force after each
     *                   write ({@code SYNC_FLUSH}): the zeros are forced, so that a later force is a
     *                   pure data write, and {@link #write} goes through the file channel: on ext4 a
     *                   write through the mapping re-dirties its page with a page fault that costs
     *                   every following force a journal commit (forces measured 2.7 times slower).
     *                   Otherwise the zeros are not forced (the first force of data makes size and
     *                   blocks durable, and the zeros usually never reach the disk), each step's pages
     *                   are touched through the mapping as it is allocated, so that writers do not
     *                   take the page faults, and writes are plain memory copies into the mapping,
     *                   20 times cheaper than a system call. {@link Allocation#SPARSE} allocates
     *                   nothing: the file is one hole until written through the channel.
     */
    public static MappedSegment create(Path path, long startOffset, int size, Allocation allocation)
            throws IOException {
        Path temporary = temporaryPath(path);
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            setLength(temporary, size);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
        MappedSegment segment;
        try {
            segment = new MappedSegment(path, startOffset, size, channel, allocation, 0);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        try {
            segment.allocate(1);
            return segment;
        } catch (IOException | RuntimeException e) {
            // unmaps too: a mapping left behind keeps the file's blocks (and its file system) busy
            segment.delete();
            throw e;
        }
    }

    /** Where {@link #create} builds a file before it gets its name; leftovers are deleted at start-up. */
    public static Path temporaryPath(Path path) {
        return path.resolveSibling(path.getFileName() + ".tmp");
    }

    /** Opens an existing file allocated {@link Allocation#WHOLE}, which must have exactly {@code size} bytes. */
    public static MappedSegment open(Path path, long startOffset, int size) throws IOException {
        return open(path, startOffset, size, false, Allocation.WHOLE);
    }

    /**
     * Opens an existing file, considered allocated up to its length until its owner says where its
     * data ends ({@link #truncate}, {@link #limitAllocation}); with {@code extendIfShort}, a file
     * shorter than {@code size} is extended (a power loss can leave the newest segment shorter than
     * it was created, its size never having been forced because no data in it was).
     */
    public static MappedSegment open(Path path, long startOffset, int size, boolean extendIfShort,
            Allocation allocation) throws IOException {
        long actual = Files.size(path);
        long allocated = actual;
        if (extendIfShort && actual < size) {
            setLength(path, size);
            actual = size;
        }
        if (actual != size) {
            throw new IOException("segment " + path + " has " + actual + " bytes, expected " + size
                    + " (was the segment size changed for an existing store?)");
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        MappedSegment segment;
        try {
            segment = new MappedSegment(path, startOffset, size, channel, allocation, (int) allocated);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (allocation != Allocation.ON_DEMAND) {
            // a file allocated whole stays so: the part an extension added is allocated now
            segment.allocate(size);
        }
        return segment;
    }

    /** Sets a file's length without allocating anything: what it gains is a hole. */
    private static void setLength(Path path, int size) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
        }
    }

    /**
     * Makes sure blocks are allocated below {@code end} before anyone writes there through the
     * mapping: writes zeros through the channel from the allocated position up to {@code end}
     * rounded up to the allocation step. Cheap when they already are; safe to call from any thread.
     *
     * @throws IOException when the disk is full (a clear error instead of SIGBUS); the file then
     *                     holds what it held before, and a later call may succeed
     */
    public void allocate(int end) throws IOException {
        if (end > allocatedPosition) {
            allocateStep(end);
        }
    }

    private synchronized void allocateStep(int end) throws IOException {
        int from = allocatedPosition;
        if (end <= from) {
            return;
        }
        int to = (int) Math.min(size, ((long) end + allocationStep - 1) / allocationStep * allocationStep);
        writeZeros(from, to);
        if (allocation == Allocation.WHOLE_FORCED) {
            channel.force(true);
        } else {
            prefault(from, to);
        }
        allocatedPosition = to;
    }

    /** How far blocks are allocated; nothing may be written through the mapping at or beyond it. */
    public int allocatedPosition() {
        return allocatedPosition;
    }

    /**
     * Declares that nothing at or after {@code position} is data, so on-demand allocation resumes
     * from there (the file may hold a hole there). A segment allocated whole keeps its blocks.
     */
    public synchronized void limitAllocation(int position) {
        if (allocation == Allocation.ON_DEMAND) {
            allocatedPosition = Math.min(allocatedPosition, position);
        }
    }

    /**
     * Writes one zero into every page of [{@code from}, {@code to}) through the mapping, so that the
     * page faults of a fresh mapping are taken by the thread allocating rather than by appenders,
     * one per page. Safe on a full disk: the blocks were allocated just before.
     */
    private void prefault(int from, int to) {
        for (int page = (from + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE; page < to; page += PAGE_SIZE) {
            buffer.put(page, (byte) 0);
        }
    }

    private void writeZeros(int from, int to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(Math.min(Math.max(1, to - from), ZERO_CHUNK));
        for (long position = from; position < to; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), to - position));
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
        if (position + length > allocatedPosition) {
            throw new IllegalStateException("write to " + path + " up to " + (position + length)
                    + " beyond the allocated " + allocatedPosition);
        }
        if (allocation != Allocation.WHOLE_FORCED && allocation != Allocation.SPARSE) {
            buffer.put(position, source, 0, length);
            return;
        }
        writeThroughChannel(position, source.slice(0, length));
    }

    /**
     * Writes {@code bytes} (position to limit) at {@code position} through the channel, whatever the
     * allocation: for bytes copied in bulk into a file otherwise written through the mapping, whose
     * pages would each take a write fault. Below the allocated position only.
     */
    public void writeThroughChannel(int position, ByteBuffer bytes) {
        if (position + bytes.remaining() > allocatedPosition) {
            throw new IllegalStateException("write to " + path + " up to " + (position + bytes.remaining())
                    + " beyond the allocated " + allocatedPosition);
        }
        try {
            for (long at = position; bytes.hasRemaining(); ) {
                at += channel.write(bytes, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + path, e);
        }
    }

    /** Fills {@code into} (from index 0) with the bytes from {@code position}, through the channel. */
    public void read(int position, ByteBuffer into) {
        readFully(into.clear(), position);
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
        limitAllocation(position);
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

    /**
     * Reads through the channel, not the mapping: a read fault in a hole of a tmpfs file allocates
     * the page (and raises SIGBUS when none is left), a read(2) of a hole allocates nothing.
     */
    private int lastNonZeroEnd(int from) {
        ByteBuffer chunk = ByteBuffer.allocate(ZERO_CHUNK);
        for (int end = size; end > from; end -= chunk.limit()) {
            int start = Math.max(from, end - ZERO_CHUNK);
            readFully(chunk.clear().limit(end - start), start);
            int nonZeroEnd = chunk.limit();
            while (nonZeroEnd >= 8 && chunk.getLong(nonZeroEnd - 8) == 0) {
                nonZeroEnd -= 8;
            }
            while (nonZeroEnd > 0 && chunk.get(nonZeroEnd - 1) == 0) {
                nonZeroEnd--;
            }
            if (nonZeroEnd > 0) {
                return start + nonZeroEnd;
            }
        }
        return from;
    }

    private void readFully(ByteBuffer into, long position) {
        try {
            while (into.hasRemaining()) {
                if (channel.read(into, position + into.position()) < 0) {
                    throw new IOException("unexpected end of " + path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
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
