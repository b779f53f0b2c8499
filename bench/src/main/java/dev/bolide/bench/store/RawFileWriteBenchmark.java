package dev.bolide.bench.store;

import dev.bolide.store.FlushDiskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The baseline the store is judged against: what one writer gets from the same disk by writing
 * records of the store's size one after another with plain {@code FileChannel.write} into
 * zero-filled files of a CommitLog segment's size ({@link ZeroFilledFiles}), forcing them with
 * {@code force(false)} as the store forces its CommitLog, with no store around them. One operation
 * is one record, so ops/s compare directly with appends/s.
 *
 * <p>{@code WRITE} is the ASYNC_FLUSH baseline, the disk's raw sequential write rate: the writer
 * never waits for a force, and a second thread forces what it wrote every 500 ms, as the store's
 * interval flusher does beside its appenders (without it the writer would only fill the page cache
 * and measure memory, not the disk). {@code WRITE_FORCE_PER_BATCH}
 * is the SYNC_FLUSH baseline: it forces after every {@code batchSize} records, as group commit does
 * after a batch of that many appends. The force is counted per record rather than with
 * {@code @OperationsPerInvocation}, whose value must be a compile-time constant while the batch
 * size is only known once the store has been measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1) // a single sequential writer: the state below is not thread-safe, do not run with -t
public class RawFileWriteBenchmark {
    /**
     * Files prepared before an iteration hold this many times what the writer wrote in its fastest
     * iteration so far, so that it seldom has to zero-fill one while measured. Before the first
     * iteration (normally a warm-up) there is no such rate and one file is ready: no guess at it
     * would fit both a writer that never forces and one forcing every record, whose rates differ
     * a hundredfold, and a wrong guess costs gigabytes of zeros.
     */
    private static final double PREPARE_MARGIN = 1.5;

    /** When the files are forced. */
    public enum WriteMode {
        WRITE,
        WRITE_FORCE_PER_BATCH
    }

    @Param({"128", "1024"})
    public int messageSize;

    @Param({"WRITE", "WRITE_FORCE_PER_BATCH"})
    public WriteMode mode;

    /** Records per force; only for {@code WRITE_FORCE_PER_BATCH}. */
    @Param({"16"})
    public int batchSize;

    private Path directory;
    private ZeroFilledFiles files;
    private Thread forcer;
    /** Not an interrupt: interrupting a thread inside {@code FileChannel.force} closes the channel. */
    private volatile boolean forcing;
    private ByteBuffer record;
    private int unforcedRecords;
    /** The writer's fastest rate so far, zero-filling on the spot left out: it sizes the files prepared. */
    private double bytesPerSecond;
    private long iterationStartNanos;
    private long writtenAtIterationStart;
    private int inlineRollsAtIterationStart;
    private long inlineRollNanosAtIterationStart;
    private boolean measuring;
    private int measuredInlineRolls;

    @Setup(Level.Trial)
    public void createFiles() throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        directory = BenchDirectory.createTrialDirectory("raw-");
        long fileSize = StoreAppendBenchmark.config(directory, FlushDiskType.ASYNC_FLUSH).build().mappedFileSizeCommitLog();
        // WRITE appends to new, empty files, as a plain writer does, paying for block allocation
        // as the store's ASYNC_FLUSH segments do (their zeros are not forced, so their blocks are
        // allocated when data is written back); WRITE_FORCE_PER_BATCH writes into zero-filled,
        // forced files, as the store's SYNC_FLUSH segments are prepared
        files = new ZeroFilledFiles(directory, fileSize, mode == WriteMode.WRITE_FORCE_PER_BATCH);
        files.prepare(fileSize);
        record = randomRecord(StoreAppendBenchmark.recordLength(messageSize));
    }

    /** Direct, so that the write does not first copy a heap array into a temporary direct buffer. */
    private static ByteBuffer randomRecord(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return ByteBuffer.allocateDirect(length).put(bytes);
    }

    /**
     * Outside the measurement: deletes the files that are full and forced, and zero-fills enough
     * new ones for the coming iteration. Records still unforced stay so: the interval or batch
     * they belong to ends in the coming iteration, whose time includes their force.
     */
    @Setup(Level.Iteration)
    public void prepareIteration(IterationParams iteration) throws IOException {
        files.deleteDoneFiles();
        double seconds = iteration.getTime().convertTo(TimeUnit.MILLISECONDS) / 1e3;
        files.prepare((long) (PREPARE_MARGIN * bytesPerSecond * seconds));
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        if (mode == WriteMode.WRITE) {
            forcer = startForcer();
        }
        inlineRollsAtIterationStart = files.inlineRolls();
        inlineRollNanosAtIterationStart = files.inlineRollNanos();
        writtenAtIterationStart = files.written();
        iterationStartNanos = System.nanoTime();
    }

    /** Forces on the store's {@code flushIntervalCommitLog}, from a thread of its own as the store does. */
    private Thread startForcer() {
        long intervalMillis = StoreAppendBenchmark.config(directory, FlushDiskType.ASYNC_FLUSH).build()
                .flushIntervalCommitLog().toMillis();
        forcing = true;
        Thread thread = new Thread(() -> {
            while (forcing) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(intervalMillis));
                try {
                    files.force();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, "raw-forcer");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Benchmark
    public void write() throws IOException {
        record.clear();
        files.write(record);
        if (mode == WriteMode.WRITE_FORCE_PER_BATCH && ++unforcedRecords == batchSize) {
            files.force();
            unforcedRecords = 0;
        }
    }

    @TearDown(Level.Iteration)
    public void measureIteration() throws IOException, InterruptedException {
        if (forcer != null) {
            forcing = false;
            LockSupport.unpark(forcer);
            forcer.join();
            forcer = null;
            files.force();
        }
        long writingNanos = System.nanoTime() - iterationStartNanos
                - (files.inlineRollNanos() - inlineRollNanosAtIterationStart);
        double rate = (files.written() - writtenAtIterationStart) * 1e9 / Math.max(1, writingNanos);
        bytesPerSecond = Math.max(bytesPerSecond, rate);
        if (measuring) {
            measuredInlineRolls += files.inlineRolls() - inlineRollsAtIterationStart;
        }
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        try {
            files.close();
        } finally {
            BenchDirectory.delete(directory);
        }
        if (measuredInlineRolls > 0) {
            System.err.printf("WARNING: RawFileWriteBenchmark (%s, %d B) zero-filled %d file(s) while measured, "
                    + "as too few were prepared: its rate includes writing those zeros and is below the disk's%n",
                    mode, messageSize, measuredInlineRolls);
        }
    }
}
