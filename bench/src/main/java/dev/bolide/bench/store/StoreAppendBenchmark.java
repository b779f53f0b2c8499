package dev.bolide.bench.store;

import dev.bolide.protocol.message.MessageRecordLayout;
import dev.bolide.store.AppendResult;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Appends of single messages to a {@link MessageStore} with its real configuration (1 GiB
 * CommitLog segments, index on), one store per trial shared by all benchmark threads, as a
 * broker's send threads share one. Run it with {@code -t N} for N concurrent producers: under
 * SYNC_FLUSH their appends are what group commit batches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreAppendBenchmark {
    static final String TOPIC = "bench";
    /** Producers spread over this many queues, so appends also exercise several queue offsets. */
    static final int QUEUES = 8;

    @Param({"128", "1024"})
    public int messageSize;

    @Param({"ASYNC_FLUSH", "SYNC_FLUSH"})
    public FlushDiskType flushDiskType;

    /**
     * The store's {@code zeroFillCommitLog}: {@code default} leaves it to the store (zero-filled
     * under SYNC_FLUSH, sparse under ASYNC_FLUSH, as a broker runs), {@code true} or {@code false}
     * sets it.
     */
    @Param({"default"})
    public String zeroFillCommitLog;

    private Path directory;
    private MessageStore store;
    /** One prepared message per queue: building one per append would measure the builder. */
    private MessageToStore[] messages;
    private final LongAdder appends = new LongAdder();
    private final LongAdder flushTimeouts = new LongAdder();

    /** Bytes one append of a {@code messageSize} body adds to the CommitLog (IPv4 hosts, no properties). */
    static int recordLength(int messageSize) {
        return MessageRecordLayout.recordLength(0, messageSize, TOPIC.getBytes(StandardCharsets.UTF_8).length, 0);
    }

    /**
     * The store's configuration: its defaults, as a broker's. The raw-write baseline takes its file
     * size and force interval from here, so that both always match the store measured.
     */
    static StoreConfig.Builder config(Path directory, FlushDiskType flushDiskType) {
        return StoreConfig.builder(directory).flushDiskType(flushDiskType);
    }

    @Setup(Level.Trial)
    public void openStore() throws IOException {
        directory = BenchDirectory.createTrialDirectory("store-");
        StoreConfig.Builder config = config(directory, flushDiskType);
        if (!zeroFillCommitLog.equals("default")) {
            config.zeroFillCommitLog(Boolean.parseBoolean(zeroFillCommitLog));
        }
        store = MessageStore.open(config.build());
        messages = new MessageToStore[QUEUES];
        byte[] body = randomBody(messageSize);
        for (int queue = 0; queue < QUEUES; queue++) {
            messages[queue] = MessageToStore.builder(TOPIC, queue, body).build();
        }
        prime();
    }

    /**
     * A new store creates each queue's files at its first message, and zero-fills its first
     * CommitLog segments when it opens (older stores did it in the first append): time during which
     * appends stall. Done here, so that the first iteration measures appends, as on a broker that
     * has been running for a while.
     */
    private void prime() {
        for (MessageToStore message : messages) {
            store.append(message);
            appends.increment();
        }
    }

    /** Random rather than zero bytes, so that nothing on the way can profit from their regularity. */
    private static byte[] randomBody(int size) {
        byte[] body = new byte[size];
        new Random(42).nextBytes(body);
        return body;
    }

    @Benchmark
    public AppendResult append(Producer producer) {
        AppendResult result = store.append(producer.message);
        appends.increment();
        if (result.status() != AppendResult.Status.PUT_OK) {
            flushTimeouts.increment();
        }
        return result;
    }

    @TearDown(Level.Trial)
    public void closeStore() throws IOException {
        GroupCommitCounts counts;
        long written;
        try (MessageStore closing = store) {
            // read before close(): its final flush is not one a writer waited for
            counts = new GroupCommitCounts(appends.sum(), closing.commitLogForceCount(), flushTimeouts.sum());
            written = closing.commitLogMaxOffset();
        } finally {
            BenchDirectory.delete(directory);
        }
        checkRecordLength(counts.appends(), written);
        counts.appendTo(GroupCommitCounts.file(flushDiskType.name(), messageSize));
    }

    /**
     * The harness turns appends/s into MB/s with {@link #recordLength}; fails the run if the
     * CommitLog grew by anything else than that per append (blank records at segment ends aside).
     */
    private void checkRecordLength(long appended, long written) {
        int length = recordLength(messageSize);
        long expected = appended * length;
        long segmentEndSlack = (written / config(directory, flushDiskType).build().mappedFileSizeCommitLog() + 1L) * length;
        if (written < expected || written - expected > segmentEndSlack) {
            throw new IllegalStateException("CommitLog holds " + written + " bytes after " + appended + " appends of "
                    + length + "-byte records; the MB/s column would be wrong");
        }
    }

    /** One producer thread: it always sends to the same queue, as a producer pinned to a queue does. */
    @State(Scope.Thread)
    public static class Producer {
        MessageToStore message;

        @Setup(Level.Trial)
        public void pickQueue(StoreAppendBenchmark benchmark, ThreadParams thread) {
            message = benchmark.messages[thread.getThreadIndex() % QUEUES];
        }
    }
}
