package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.broker.stats.RateCounter;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * GET_BROKER_RUNTIME_INFO (mqadmin {@code clusterList}, {@code brokerStatus}): a table of strings
 * with the message counts and rates, the request queues, and the CommitLog's extent and disk.
 * Only what Bolide measures is listed; the tools print missing keys as empty.
 */
public final class BrokerRuntimeProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();
    /** {@code MQVersion.V4_9_8}, the protocol version Bolide speaks. */
    private static final String VERSION_DESC = "V4_9_8";

    private final MessageStore store;
    private final BrokerStats stats;
    private final ThreadPoolExecutor sendPool;
    private final ThreadPoolExecutor pullPool;
    private final Path commitLogDir;

    public BrokerRuntimeProcessor(MessageStore store, BrokerStats stats, ThreadPoolExecutor sendPool,
            ThreadPoolExecutor pullPool, Path commitLogDir) {
        this.store = store;
        this.commitLogDir = commitLogDir;
        this.stats = stats;
        this.sendPool = sendPool;
        this.pullPool = pullPool;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("table");
            for (Map.Entry<String, String> entry : table().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                out.toByteArray()));
    }

    private Map<String, String> table() throws IOException {
        Map<String, String> table = new TreeMap<>();
        table.put("brokerVersionDesc", VERSION_DESC);
        table.put("brokerVersion", Integer.toString(RemotingCommand.BOLIDE_VERSION));
        table.put("msgPutTotalYesterdayMorning", Long.toString(stats.yesterdayMorning().puts()));
        table.put("msgPutTotalTodayMorning", Long.toString(stats.todayMorning().puts()));
        table.put("msgPutTotalTodayNow", Long.toString(stats.puts().total()));
        table.put("msgGetTotalYesterdayMorning", Long.toString(stats.yesterdayMorning().gets()));
        table.put("msgGetTotalTodayMorning", Long.toString(stats.todayMorning().gets()));
        table.put("msgGetTotalTodayNow", Long.toString(stats.gets().total()));
        table.put("putTps", rates(stats.puts()));
        table.put("getTransferedTps", rates(stats.gets()));
        table.put("sendThreadPoolQueueSize", Integer.toString(sendPool.getQueue().size()));
        table.put("sendThreadPoolQueueCapacity", Integer.toString(sendPool.getQueue().remainingCapacity()));
        table.put("pullThreadPoolQueueSize", Integer.toString(pullPool.getQueue().size()));
        table.put("pullThreadPoolQueueCapacity", Integer.toString(pullPool.getQueue().remainingCapacity()));
        table.put("commitLogMinOffset", Long.toString(store.commitLogMinOffset()));
        table.put("commitLogMaxOffset", Long.toString(store.commitLogMaxOffset()));
        table.put("dispatchBehindBytes", Long.toString(store.commitLogMaxOffset() - store.dispatchedOffset()));
        table.put("earliestMessageTimeStamp", Long.toString(earliestStoreTime()));
        table.put("startAcceptSendRequestTimeStamp", Long.toString(stats.startedMillis()));
        table.put("bootTimestamp", Long.toString(stats.startedMillis()));
        putDisk(table, commitLogDir);
        return table;
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

    private static void putDisk(Map<String, String> table, Path commitLogDir) throws IOException {
        FileStore disk = Files.getFileStore(Files.exists(commitLogDir) ? commitLogDir : commitLogDir.getRoot());
        long total = disk.getTotalSpace();
        long free = disk.getUsableSpace();
        table.put("commitLogDiskRatio", String.format(Locale.ROOT, "%.4f", total == 0 ? 0 : 1 - free / (double) total));
        table.put("commitLogDirCapacity", String.format(Locale.ROOT, "Total : %.1f GiB, Free : %.1f GiB.",
                total / 1073741824.0, free / 1073741824.0));
    }
}
