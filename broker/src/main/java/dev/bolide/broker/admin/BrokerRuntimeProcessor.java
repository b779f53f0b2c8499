package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.metrics.StoreLatencyFigures;
import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.broker.stats.RateCounter;
import dev.bolide.broker.ha.Replication;
import dev.bolide.broker.slave.MasterEnd;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.QueuedRequest;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.MessageStore;
import dev.bolide.store.StoreConfig;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;

/**
 * GET_BROKER_RUNTIME_INFO (mqadmin {@code clusterList}, {@code brokerStatus}): a table of strings
 * with the message counts, sizes and rates, the request queues and how long their oldest request
 * has waited, how long the current append has held the CommitLog, the CommitLog's extent and
 * unflushed bytes, the disks, the rates of pulls that found messages or none, and the store latency
 * figures ({@link StoreLatencyFigures}): RocketMQ 4.9.7's 43 keys (but
 * {@code remainHowManyDataToCommit}, which RocketMQ too lists only with a transient store pool).
 *
 * <p>RocketMQ 4.9.7 lists nothing on replication (its master only logs how far its best slave
 * falls behind, {@code slaveFallBehindMuch}); Bolide adds, on a master with a slave that reported,
 * {@code haSlaveFallBehindBytes}: the CommitLog bytes its most advanced slave lacks, and on a slave
 * {@code haMasterAddress}: the master's HA address it replicates from, and
 * {@code haSlaveFallBehindBytes}: the bytes it lacks, the master's CommitLog end (asked of the master
 * with each request) less its own; left out when the master does not answer.
 */
public final class BrokerRuntimeProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();
    /** {@code MQVersion.V4_9_8}, the protocol version Bolide speaks. */
    private static final String VERSION_DESC = "V4_9_8";
    /** What RocketMQ reports without a transient store pool, which Bolide does not have. */
    private static final String NO_TRANSIENT_STORE_POOL = Integer.toString(Integer.MAX_VALUE);

    private final MessageStore store;
    private final BrokerStats stats;
    private final RequestPools pools;
    private final StoreLatencyFigures latencies;
    private final StoreConfig storeConfig;
    private final Replication replication;
    private final MasterEnd masterEnd;

    /** @param masterEnd a slave's master's CommitLog end; {@link MasterEnd#NONE} on a master */
    public BrokerRuntimeProcessor(MessageStore store, BrokerStats stats, RequestPools pools,
            StoreLatencyFigures latencies, StoreConfig storeConfig, Replication replication, MasterEnd masterEnd) {
        this.store = store;
        this.stats = stats;
        this.pools = pools;
        this.latencies = latencies;
        this.storeConfig = storeConfig;
        this.replication = replication;
        this.masterEnd = masterEnd;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        Map<String, String> table = new TreeMap<>();
        putVersionAndUptime(table);
        putCounts(table);
        putRequestQueues(table);
        putStore(table);
        latencies.putInto(table);
        putReplication(table);
        return masterEnd.commitLogEnd().thenApply(end -> {
            end.ifPresent(master -> table.put("haSlaveFallBehindBytes",
                    Long.toString(Math.max(0, master - store.commitLogMaxOffset()))));
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, json(table));
        });
    }

    private static byte[] json(Map<String, String> table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("table");
            for (Map.Entry<String, String> entry : table.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing into memory", e);
        }
        return out.toByteArray();
    }

    private void putVersionAndUptime(Map<String, String> table) {
        table.put("brokerVersionDesc", VERSION_DESC);
        table.put("brokerVersion", Integer.toString(RemotingCommand.BOLIDE_VERSION));
        table.put("startAcceptSendRequestTimeStamp", Long.toString(stats.startedMillis()));
        table.put("bootTimestamp", Long.toString(stats.startedMillis()));
        Duration up = Duration.ofMillis(System.currentTimeMillis() - stats.startedMillis());
        table.put("runtime", new MessageFormat("[ {0} days, {1} hours, {2} minutes, {3} seconds ]", Locale.ROOT)
                .format(new Long[] {up.toDays(), (long) up.toHoursPart(), (long) up.toMinutesPart(),
                    (long) up.toSecondsPart()}));
    }

    private void putCounts(Map<String, String> table) {
        table.put("msgPutTotalYesterdayMorning", Long.toString(stats.yesterdayMorning().puts()));
        table.put("msgPutTotalTodayMorning", Long.toString(stats.todayMorning().puts()));
        table.put("msgPutTotalTodayNow", Long.toString(stats.puts().total()));
        table.put("msgGetTotalYesterdayMorning", Long.toString(stats.yesterdayMorning().gets()));
        table.put("msgGetTotalTodayMorning", Long.toString(stats.todayMorning().gets()));
        table.put("msgGetTotalTodayNow", Long.toString(stats.gets().total()));
        table.put("putTps", rates(stats.puts()));
        table.put("getTransferedTps", rates(stats.gets()));
        table.put("getTotalTps", rates(stats.pulls()));
        table.put("getFoundTps", rates(stats.pullsFound()));
        table.put("getMissTps", rates(stats.pullsMissed()));
        // as RocketMQ: per message, and at least 1 so the average is defined
        long messages = Math.max(1, stats.puts().total());
        table.put("putMessageTimesTotal", Long.toString(messages));
        table.put("putMessageSizeTotal", Long.toString(stats.storedBytes()));
        table.put("putMessageAverageSize", Double.toString(stats.storedBytes() / (double) messages));
    }

    private void putRequestQueues(Map<String, String> table) {
        long now = System.currentTimeMillis();
        putQueue(table, "send", pools.send(), now);
        putQueue(table, "pull", pools.pull(), now);
        putQueue(table, "query", pools.query(), now);
        table.put("EndTransactionQueueSize", Integer.toString(pools.send().size()));
        table.put("EndTransactionThreadPoolQueueCapacity", Integer.toString(pools.send().remainingCapacity()));
        table.put("pageCacheLockTimeMills", Long.toString(store.appendLockHeldMillis()));
        // RocketMQ 4.9.7 lists it and never sets it: 0
        table.put("dispatchMaxBuffer", "0");
    }

    private static void putQueue(Map<String, String> table, String pool, BlockingQueue<Runnable> queue, long now) {
        table.put(pool + "ThreadPoolQueueSize", Integer.toString(queue.size()));
        table.put(pool + "ThreadPoolQueueCapacity", Integer.toString(queue.remainingCapacity()));
        table.put(pool + "ThreadPoolQueueHeadWaitTimeMills", Long.toString(QueuedRequest.headWaitMillis(queue, now)));
    }

    private void putStore(Map<String, String> table) throws IOException {
        table.put("commitLogMinOffset", Long.toString(store.commitLogMinOffset()));
        table.put("commitLogMaxOffset", Long.toString(store.commitLogMaxOffset()));
        table.put("dispatchBehindBytes", Long.toString(store.commitLogMaxOffset() - store.dispatchedOffset()));
        table.put("remainHowManyDataToFlush", Long.toString(store.commitLogMaxOffset() - store.commitLogFlushedOffset()));
        // appends go straight into the mapped files; like RocketMQ without a transient store pool,
        // no remainHowManyDataToCommit, and an unlimited number of buffers
        table.put("remainTransientStoreBufferNumbs", NO_TRANSIENT_STORE_POOL);
        table.put("earliestMessageTimeStamp", Long.toString(earliestStoreTime()));
        Path commitLog = storeConfig.storePathCommitLog();
        String commitLogRatio = usedRatio(commitLog);
        table.put("commitLogDiskRatio", commitLogRatio);
        table.put("commitLogDiskRatio_" + commitLog, commitLogRatio);
        table.put("consumeQueueDiskRatio", usedRatio(storeConfig.storePathRootDir().resolve("consumequeue")));
        FileStore disk = fileStore(commitLog);
        table.put("commitLogDirCapacity", String.format(Locale.ROOT, "Total : %.1f GiB, Free : %.1f GiB.",
                disk.getTotalSpace() / 1073741824.0, disk.getUsableSpace() / 1073741824.0));
    }

    private void putReplication(Map<String, String> table) {
        replication.slaveLagBytes().values().stream().mapToLong(Long::longValue).min()
                .ifPresent(lag -> table.put("haSlaveFallBehindBytes", Long.toString(lag)));
        replication.masterAddress().ifPresent(master -> table.put("haMasterAddress", master));
    }

    /** Rates over the last 10 s, 60 s and 600 s, as RocketMQ prints them. */
    private static String rates(RateCounter counter) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", counter.perSecond(10), counter.perSecond(60),
                counter.perSecond(600));
    }

    private long earliestStoreTime() {
        ByteBuffer first = store.lookupMessage(store.commitLogMinOffset());
        return first == null ? 0 : new MessageRecordView().wrap(first, 0).storeTimestamp();
    }

    private static String usedRatio(Path directory) throws IOException {
        FileStore disk = fileStore(directory);
        long total = disk.getTotalSpace();
        return String.format(Locale.ROOT, "%.4f", total == 0 ? 0 : 1 - disk.getUsableSpace() / (double) total);
    }

    private static FileStore fileStore(Path directory) throws IOException {
        Path existing = directory;
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        return Files.getFileStore(existing);
    }
}
