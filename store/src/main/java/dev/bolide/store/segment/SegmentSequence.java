package dev.bolide.store.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A log split into contiguous {@link MappedSegment}s of one size, each file named by the log offset
 * of its first byte as 20 zero-padded digits. Optionally prepares in the background what the
 * writer will need next (the next allocation step, the next segment), so that it does not wait.
 */
public final class SegmentSequence implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SegmentSequence.class.getName());
    private static final Pattern SEGMENT_NAME = Pattern.compile("\\d{20}");

    private final Path directory;
    private final int segmentSize;
    /** Replaced, never modified, so readers always see a consistent run of contiguous segments. */
    private volatile MappedSegment[] segments = new MappedSegment[0];
    private final ExecutorService preallocator;
    private final Allocation allocation;
    private CompletableFuture<MappedSegment> preallocated;
    private final AtomicBoolean allocatingAhead = new AtomicBoolean();

    private SegmentSequence(Path directory, int segmentSize, boolean preallocate, Allocation allocation) {
        this.directory = directory;
        this.segmentSize = segmentSize;
        this.allocation = allocation;
        this.preallocator = preallocate ? Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bolide-preallocate-" + directory.getFileName());
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** A sequence of segments allocated {@link Allocation#WHOLE}. */
    public static SegmentSequence open(Path directory, int segmentSize, boolean preallocate) throws IOException {
        return open(directory, segmentSize, preallocate, Allocation.WHOLE);
    }

    /**
     * Opens the segments found in {@code directory} (creating it if needed). Every segment is
     * considered full until the owner's recovery says where the data ends.
     *
     * @param preallocate whether to prepare the next segment in the background
     * @param allocation  how the segments' blocks are allocated ({@link MappedSegment#create})
     */
    public static SegmentSequence open(Path directory, int segmentSize, boolean preallocate, Allocation allocation)
            throws IOException {
        Files.createDirectories(directory);
        SegmentSequence sequence = new SegmentSequence(directory, segmentSize, preallocate, allocation);
        deleteUnfinishedSegments(directory);
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(f -> SEGMENT_NAME.matcher(f.getFileName().toString()).matches())
                    .sorted().toList();
            for (int i = 0; i < found.size(); i++) {
                sequence.openExisting(found.get(i), i == found.size() - 1);
            }
        } catch (IOException | RuntimeException e) {
            sequence.close();
            throw e;
        }
        return sequence;
    }

    private static void deleteUnfinishedSegments(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.delete(file);
            }
        }
    }

    private void openExisting(Path file, boolean newest) throws IOException {
        long start = Long.parseLong(file.getFileName().toString());
        if (last() != null && start != last().endOffset()) {
            throw new IOException("segment " + file + " does not follow " + last().path() + ": a segment is missing");
        }
        MappedSegment segment = MappedSegment.open(file, start, segmentSize, newest, allocation);
        segment.setWritePosition(segmentSize);
        // forces pages a killed process left dirty in the page cache, so recovered data is durable
        segment.flush();
        add(segment);
    }

    private synchronized void add(MappedSegment segment) {
        MappedSegment[] next = Arrays.copyOf(segments, segments.length + 1);
        next[segments.length] = segment;
        segments = next;
    }

    private synchronized boolean remove(MappedSegment segment) {
        MappedSegment[] current = segments;
        MappedSegment[] next = Arrays.stream(current).filter(s -> s != segment).toArray(MappedSegment[]::new);
        segments = next;
        return next.length < current.length;
    }

    public static String fileName(long startOffset) {
        return String.format("%020d", startOffset);
    }

    public Path directory() {
        return directory;
    }

    public int segmentSize() {
        return segmentSize;
    }

    public boolean isEmpty() {
        return segments.length == 0;
    }

    public List<MappedSegment> segments() {
        return List.of(segments);
    }

    public MappedSegment first() {
        MappedSegment[] snapshot = segments;
        return snapshot.length == 0 ? null : snapshot[0];
    }

    public MappedSegment last() {
        MappedSegment[] snapshot = segments;
        return snapshot.length == 0 ? null : snapshot[snapshot.length - 1];
    }

    /** Offset of the first byte still stored, or {@code emptyValue} when there is none. */
    public long minOffset(long emptyValue) {
        MappedSegment first = first();
        return first == null ? emptyValue : first.startOffset();
    }

    /** Offset just past the last written byte, or {@code emptyValue} when there is no segment. */
    public long maxOffset(long emptyValue) {
        MappedSegment last = last();
        return last == null ? emptyValue : last.startOffset() + last.writePosition();
    }

    /** Appends a new empty segment starting at {@code startOffset}, which must follow the last one. */
    public MappedSegment createSegment(long startOffset) throws IOException {
        MappedSegment last = last();
        if (last != null && startOffset != last.endOffset()) {
            throw new IllegalStateException("new segment at " + startOffset + " does not follow " + last);
        }
        if (startOffset % segmentSize != 0) {
            throw new IllegalStateException("segment start " + startOffset + " is not a multiple of " + segmentSize);
        }
        MappedSegment segment = takePreallocated(startOffset);
        if (segment == null) {
            segment = MappedSegment.create(directory.resolve(fileName(startOffset)), startOffset, segmentSize,
                    allocation);
        }
        add(segment);
        return segment;
    }

    /**
     * Starts a sequence that holds no data yet at {@code startOffset}: its empty segments are
     * deleted and the one at {@code startOffset} is created (a slave taking its master's offsets).
     */
    public MappedSegment restartAt(long startOffset) throws IOException {
        if (maxOffset(0) != 0) {
            throw new IllegalStateException("cannot restart " + directory + " at " + startOffset + ": it holds data");
        }
        for (MappedSegment segment : segments) {
            remove(segment);
            segment.delete();
        }
        return createSegment(startOffset);
    }

    /** Appends the segment that follows the last one (or the one at offset 0). */
    public MappedSegment createNextSegment() throws IOException {
        MappedSegment last = last();
        return createSegment(last == null ? 0 : last.endOffset());
    }

    /** Makes sure a segment is ready to write to, so that the first append does not wait for it. */
    public void prepareForAppends() throws IOException {
        if (last() == null) {
            createNextSegment();
        }
        prepareAhead();
    }

    /**
     * Called by the single appender on every append, cheap when there is nothing to do; in the
     * background, allocates the last segment's next step once writes come within a step of its
     * allocated end, and prepares the segment after it as soon as the last one is begun (as
     * RocketMQ's allocation service keeps the next file ready), so that appends rarely wait for either:
     * the appender may be a connection's I/O thread, and creating a segment (zero-filled and forced,
     * under {@code zeroFillCommitLog}) would stall every connection of that thread. It waits only
     * when a whole segment is written faster than the next one is made.
     */
    public void prepareAhead() {
        MappedSegment last = last();
        if (preallocator == null || last == null) {
            return;
        }
        allocateAhead(last);
        if (preallocated == null) {
            preallocate(last.endOffset());
        }
    }

    private void allocateAhead(MappedSegment last) {
        int allocated = last.allocatedPosition();
        if (allocated >= segmentSize || allocated - last.writePosition() > MappedSegment.allocationStep(segmentSize, allocation)
                || !allocatingAhead.compareAndSet(false, true)) {
            return;
        }
        preallocator.execute(() -> {
            try {
                allocateNextStep(last);
            } finally {
                allocatingAhead.set(false);
            }
        });
    }

    private static void allocateNextStep(MappedSegment segment) {
        if (!segment.retain()) {
            return;
        }
        try {
            segment.allocate(segment.allocatedPosition() + 1);
        } catch (IOException e) {
            // the appender allocates again itself when it gets there, and reports the error then
            LOG.log(System.Logger.Level.DEBUG, "cannot allocate ahead in " + segment.path(), e);
        } finally {
            segment.release();
        }
    }

    private MappedSegment takePreallocated(long startOffset) throws IOException {
        CompletableFuture<MappedSegment> next = preallocated;
        preallocated = null;
        if (next == null) {
            return null;
        }
        try {
            MappedSegment segment = next.join();
            if (segment.startOffset() == startOffset) {
                return segment;
            }
            segment.delete();
            return null;
        } catch (CompletionException e) {
            // made while the disk was full, say: the space may be back, so the caller creates the
            // segment now and reports its own failure if there is one (a failed create leaves no file)
            LOG.log(System.Logger.Level.DEBUG, "the segment prepared ahead at " + startOffset + " failed; "
                    + "creating it now", e.getCause());
            return null;
        }
    }

    private void preallocate(long startOffset) {
        if (preallocator != null) {
            preallocated = CompletableFuture.supplyAsync(() -> {
                try {
                    return MappedSegment.create(directory.resolve(fileName(startOffset)), startOffset, segmentSize,
                            allocation);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, preallocator).exceptionallyCompose(e -> CompletableFuture.failedFuture(
                    e.getCause() instanceof UncheckedIOException u ? u.getCause() : e));
        }
    }

    /** The segment holding {@code offset}, without taking a reference; null if none does. */
    public MappedSegment segmentAt(long offset) {
        MappedSegment[] snapshot = segments;
        if (snapshot.length == 0 || offset < snapshot[0].startOffset()) {
            return null;
        }
        long index = (offset - snapshot[0].startOffset()) / segmentSize;
        return index < snapshot.length ? snapshot[(int) index] : null;
    }

    /** The segment holding {@code offset}, retained for the caller, or null. */
    public MappedSegment acquire(long offset) {
        MappedSegment segment = segmentAt(offset);
        return segment != null && segment.retain() ? segment : null;
    }

    /** Forces every segment's unflushed bytes; returns the log offset everything below is durable to. */
    public long flush() {
        long flushedTo = minOffset(0);
        for (MappedSegment segment : segments) {
            if (segment.flushedPosition() < segment.writePosition() && segment.retain()) {
                try {
                    segment.flush();
                } finally {
                    segment.release();
                }
            }
            flushedTo = segment.startOffset() + segment.flushedPosition();
            if (segment.flushedPosition() < segmentSize) {
                break;
            }
        }
        return flushedTo;
    }

    /** Removes everything at or after {@code offset}: later segments are deleted, the one holding it cut. */
    public void truncate(long offset) {
        for (MappedSegment segment : segments) {
            if (segment.startOffset() > offset || (segment.startOffset() == offset && segment != first())) {
                remove(segment);
                segment.delete();
            } else if (offset < segment.endOffset()) {
                segment.truncate((int) (offset - segment.startOffset()));
            }
        }
    }

    /** Deletes the oldest segment; the caller decides it may go. */
    public void deleteFirst() {
        MappedSegment first = first();
        if (first != null && remove(first)) {
            first.delete();
        }
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (preallocated != null) {
            try {
                preallocated.join().delete();
            } catch (CompletionException e) {
                // the spare segment failed to allocate: nothing to delete
            }
        }
        if (preallocator != null) {
            preallocator.shutdownNow();
            awaitTermination(preallocator);
        }
        for (MappedSegment segment : segments) {
            segment.close();
        }
        segments = new MappedSegment[0];
    }
}
