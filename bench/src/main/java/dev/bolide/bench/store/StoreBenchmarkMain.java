package dev.bolide.bench.store;

import dev.bolide.bench.store.RawFileWriteBenchmark.WriteMode;
import dev.bolide.store.FlushDiskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The storage benchmark harness, Main-Class of {@code benchmarks.jar}. For each message size it
 * measures, in one invocation so that all numbers share the disk's state: raw write + force every
 * {@code flushIntervalCommitLog} (the ASYNC_FLUSH baseline), the store under ASYNC_FLUSH and
 * SYNC_FLUSH with 1, 4 and 16 producer threads, and then raw write + force at the group-commit batch
 * sizes SYNC_FLUSH reached (the SYNC_FLUSH baselines). It prints each store run as a ratio to its
 * baseline and writes the table to {@code target/bench-results.txt}.
 *
 * <p>Besides the {@link RunSettings} properties, {@code -Dbolide.bench.dir} chooses the disk.
 */
public final class StoreBenchmarkMain {
    private static final int[] MESSAGE_SIZES = {128, 1024};
    private static final int[] THREADS = {1, 4, 16};
    private static final Path RESULTS = Path.of("target", "bench-results.txt");

    private final RunSettings settings;

    private StoreBenchmarkMain(RunSettings settings) {
        this.settings = settings;
    }

    /** A store run's rate and its counts of appends and forces. */
    private record StoreRun(double appendsPerSecond, GroupCommitCounts counts) {
        /** The batch size the raw writer imitates: a whole number of records, at least one. */
        int roundedBatchSize() {
            return (int) Math.max(1, Math.round(counts.batchSize()));
        }
    }

    public static void main(String[] args) throws IOException, RunnerException {
        if (args.length > 0) {
            // JMH options given to the jar would otherwise start the whole 10-minute harness
            System.err.println("StoreBenchmarkMain takes no arguments; its settings are -D properties (bench/README.md)."
                    + " For one benchmark with JMH's options: java -cp <benchmarks.jar> org.openjdk.jmh.Main "
                    + String.join(" ", args));
            System.exit(2);
        }
        // forks resolve a relative directory against their own working directory: pin it here
        System.setProperty(BenchDirectory.PROPERTY, BenchDirectory.root().toString());
        if (System.getProperty("bolide.bench.rawFile") != null) {
            // an earlier version's setting: say so rather than let someone believe it took effect
            System.err.println("-Dbolide.bench.rawFile no longer exists: the baselines always write zero-filled files"
                    + " (bench/README.md).");
            System.exit(2);
        }
        RunSettings settings = RunSettings.fromSystemProperties();
        StoreBenchmarkMain harness = new StoreBenchmarkMain(settings);
        List<ResultRow> rows = new ArrayList<>();
        for (int messageSize : MESSAGE_SIZES) {
            rows.addAll(harness.measure(messageSize));
        }
        BenchDirectory.deleteRootIfEmpty();
        String table = ResultTable.render("Bolide store appends vs raw file writes on " + BenchDirectory.root()
                + " (" + settings + ")", rows);
        System.out.println();
        System.out.print(table);
        Files.createDirectories(RESULTS.toAbsolutePath().getParent());
        Files.writeString(RESULTS, table);
        System.out.println("written to " + RESULTS.toAbsolutePath());
    }

    private List<ResultRow> measure(int messageSize) throws IOException, RunnerException {
        double writeBaseline = rawWrite(messageSize, WriteMode.WRITE, 1);
        List<ResultRow> rows = new ArrayList<>();
        for (int threads : THREADS) {
            StoreRun run = storeAppend(FlushDiskType.ASYNC_FLUSH, messageSize, threads);
            rows.add(new ResultRow(messageSize, FlushDiskType.ASYNC_FLUSH, threads, run.appendsPerSecond(),
                    Double.NaN, run.counts().flushTimeouts(), "raw write", writeBaseline));
        }
        List<StoreRun> syncRuns = new ArrayList<>();
        for (int threads : THREADS) {
            StoreRun run = storeAppend(FlushDiskType.SYNC_FLUSH, messageSize, threads);
            System.out.printf(Locale.ROOT, "%n# SYNC_FLUSH, %d B, %d threads: %.2f messages per force%n%n",
                    messageSize, threads, run.counts().batchSize());
            syncRuns.add(run);
        }
        // one raw run per distinct batch size: 1 thread always batches 1, others may coincide
        Map<Integer, Double> forcedBaselines = new TreeMap<>();
        for (StoreRun run : syncRuns) {
            int batch = run.roundedBatchSize();
            if (!forcedBaselines.containsKey(batch)) {
                forcedBaselines.put(batch, rawWrite(messageSize, WriteMode.WRITE_FORCE_PER_BATCH, batch));
            }
        }
        for (int i = 0; i < THREADS.length; i++) {
            StoreRun run = syncRuns.get(i);
            int batch = run.roundedBatchSize();
            rows.add(new ResultRow(messageSize, FlushDiskType.SYNC_FLUSH, THREADS[i], run.appendsPerSecond(),
                    run.counts().batchSize(), run.counts().flushTimeouts(), "raw write+force/" + batch,
                    forcedBaselines.get(batch)));
        }
        return rows;
    }

    private StoreRun storeAppend(FlushDiskType flushDiskType, int messageSize, int threads)
            throws IOException, RunnerException {
        Path countsFile = GroupCommitCounts.file(flushDiskType.name(), messageSize);
        Files.deleteIfExists(countsFile); // left over by an interrupted run, it would be added in
        double appendsPerSecond = run(StoreAppendBenchmark.class, threads, Map.of(
                "flushDiskType", flushDiskType.name(),
                "messageSize", Integer.toString(messageSize)));
        return new StoreRun(appendsPerSecond, GroupCommitCounts.readAndDelete(countsFile));
    }

    private double rawWrite(int messageSize, WriteMode mode, int batchSize) throws RunnerException {
        return run(RawFileWriteBenchmark.class, 1, Map.of(
                "messageSize", Integer.toString(messageSize),
                "mode", mode.name(),
                "batchSize", Integer.toString(batchSize)));
    }

    /** Runs every benchmark method of the class once with the given parameters; returns its ops/s. */
    private double run(Class<?> benchmark, int threads, Map<String, String> params) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + ".") + "\\w+$")
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .threads(threads)
                .jvmArgsAppend("-D" + BenchDirectory.PROPERTY + "=" + BenchDirectory.root())
                .shouldFailOnError(true);
        params.forEach(options::param);
        Collection<RunResult> results = new Runner(settings.applyTo(options).build()).run();
        if (results.size() != 1) {
            throw new IllegalStateException("expected one result for " + benchmark.getSimpleName() + " " + params
                    + ", got " + results.size());
        }
        return results.iterator().next().getPrimaryResult().getScore();
    }
}
