package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.broker.stats.WindowedCounter;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * VIEW_BROKER_STATS_DATA (mqadmin {@code statsAll}, {@code exportMetrics}): a statistic's sum,
 * rate and mean per addition over the last minute, hour and day, in RocketMQ's BrokerStatsData.
 * Bolide keeps the two statistics these commands read: TOPIC_PUT_NUMS (messages stored in a topic)
 * and GROUP_GET_NUMS (messages of a topic delivered to a group, key {@code topic@group}).
 */
public final class BrokerStatsDataProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    private static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";

    private final BrokerStats stats;

    public BrokerStatsDataProcessor(BrokerStats stats) {
        this.stats = stats;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        String name = request.requiredField("statsName");
        String key = request.requiredField("statsKey");
        if (!name.equals(TOPIC_PUT_NUMS) && !name.equals(GROUP_GET_NUMS)) {
            return error(request, "Bolide keeps no " + name + " statistics, only " + TOPIC_PUT_NUMS + " and "
                    + GROUP_GET_NUMS);
        }
        Optional<WindowedCounter> counter = name.equals(TOPIC_PUT_NUMS) ? stats.topicPuts(key) : groupGets(key);
        if (counter.isEmpty()) {
            return error(request, "The stats <" + name + "> <" + key + "> not exist");
        }
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                body(counter.get())));
    }

    /** The key is {@code topic@group}; a group name has no {@code @}, a topic may. */
    private Optional<WindowedCounter> groupGets(String key) {
        int at = key.lastIndexOf('@');
        return at < 0 ? Optional.empty() : stats.groupGets(key.substring(0, at), key.substring(at + 1));
    }

    private static byte[] body(WindowedCounter counter) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            item(json, "statsDay", counter.lastDay());
            item(json, "statsHour", counter.lastHour());
            item(json, "statsMinute", counter.lastMinute());
            json.writeEndObject();
        }
        return body.toByteArray();
    }

    private static void item(JsonGenerator json, String field, WindowedCounter.Snapshot snapshot) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("avgpt", snapshot.avgpt());
        json.writeNumberField("sum", snapshot.sum());
        json.writeNumberField("tps", snapshot.tps());
        json.writeEndObject();
    }

    private static CompletableFuture<RemotingCommand> error(RemotingCommand request, String remark) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, remark,
                null, null));
    }
}
