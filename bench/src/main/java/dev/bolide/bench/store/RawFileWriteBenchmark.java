package dev.bolide.bench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The baseline the store is judged against: what one writer gets from the same disk by writing
 * records of the store's size one after another with plain {@link FileChannel#write}, with no
 * store around them. One operation is one record, so ops/s compare directly with appends/s.
 *
 * <p>{@code WRITE_FORCE_PER_BATCH} forces the file after every {@code batchSize} records, as group
 * commit would after a batch of that many appends. The force is counted per record rather than
 * with {@code @OperationsPerInvocation}, whose value must be a compile-time constant while the
 * batch size is only known once the store has been measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1) // a single sequential writer: the state below is not thread-safe, do not run with -t
public class RawFileWriteBenchmark {
    /** As a CommitLog segment: the file never grows beyond it, so disk use stays bounded. */
    static final long MAX_FILE_SIZE = 1L << 30;
    private static final int ZERO_CHUNK = 1 << 20;

    /** Whether the file is forced, and how often. */
    public enum WriteMode {
        WRITE,
        WRITE_FORCE_PER_BATCH
    }

    /**
     * How the file's blocks come to be. {@code APPEND} writes to a new empty file and truncates it
     * at {@link #MAX_FILE_SIZE}, so every force also commits the file's growth. {@code PREALLOCATED}
     * zero-fills the file first and writes over it, wrapping to the start at the end, as the store
     * writes over its zero-filled segments.
     */
    public enum FileLayout {
        APPEND,
        PREALLOCATED
    }

    @Param({"128", "1024"})
    public int messageSize;

    @Param({"WRITE", "WRITE_FORCE_PER_BATCH"})
    public WriteMode mode;

    /** Records per force; ignored by {@code WRITE}. */
    @Param({"16"})
    public int batchSize;

    @Param({"APPEND", "PREALLOCATED"})
    public FileLayout file;

    private Path directory;
    private FileChannel channel;
    private ByteBuffer record;
    private long position;
    private int unforced;

    @Setup(Level.Trial)
    public void createFile() throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        directory = BenchDirectory.createTrialDirectory("raw-");
        channel = FileChannel.open(directory.resolve("records"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        if (file == FileLayout.PREALLOCATED) {
            zeroFill();
        }
        record = randomRecord(StoreAppendBenchmark.recordLength(messageSize));
    }

    /** As {@code MappedSegment.create} does: every block allocated and on disk before the first record. */
    private void zeroFill() throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK);
        for (long at = 0; at < MAX_FILE_SIZE; at += ZERO_CHUNK) {
            zeros.clear();
            while (zeros.hasRemaining()) {
                channel.write(zeros, at + zeros.position());
            }
        }
        channel.force(true);
    }

    /** Direct, so that the write does not first copy a heap array into a temporary direct buffer. */
    private static ByteBuffer randomRecord(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return ByteBuffer.allocateDirect(length).put(bytes);
    }

    @Benchmark
    public void write() throws IOException {
        if (position + record.capacity() > MAX_FILE_SIZE) {
            wrap();
        }
        record.clear();
        while (record.hasRemaining()) {
            position += channel.write(record, position);
        }
        if (mode == WriteMode.WRITE_FORCE_PER_BATCH && ++unforced == batchSize) {
            channel.force(false);
            unforced = 0;
        }
    }

    /** Starts again at the beginning of the file once it holds {@link #MAX_FILE_SIZE} bytes. */
    private void wrap() throws IOException {
        if (file == FileLayout.APPEND) {
            channel.truncate(0);
        }
        position = 0;
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        try {
            channel.close();
        } finally {
            BenchDirectory.delete(directory);
        }
    }
}
