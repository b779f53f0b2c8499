package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * GET_BROKER_CONSUME_STATS (mqadmin {@code brokerConsumeStats}), RocketMQ's ConsumeStatsList: for
 * every subscription group, a ConsumeStats per topic it has committed offsets on (only ordered
 * topics when asked, and only subscribed ones while the group is online), and the total lag.
 */
public final class BrokerConsumeStatsProcessor implements RequestProcessor {
    private final SubscriptionGroupTable groupConfigs;
    private final ConsumerGroups groups;
    private final TopicConfigTable topics;
    private final ConsumerOffsets offsets;
    private final MessageStore store;
    private final BrokerStats stats;
    private final String brokerName;
    private final Supplier<String> brokerAddress;

    public BrokerConsumeStatsProcessor(SubscriptionGroupTable groupConfigs, ConsumerGroups groups,
            TopicConfigTable topics, ConsumerOffsets offsets, MessageStore store, BrokerStats stats, String brokerName,
            Supplier<String> brokerAddress) {
        this.groupConfigs = groupConfigs;
        this.groups = groups;
        this.topics = topics;
        this.offsets = offsets;
        this.store = store;
        this.stats = stats;
        this.brokerName = brokerName;
        this.brokerAddress = brokerAddress;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        boolean onlyOrdered = Boolean.parseBoolean(request.field("isOrder"));
        StringBuilder json = new StringBuilder("{\"brokerAddr\":");
        string(json, brokerAddress.get());
        json.append(",\"consumeStatsList\":[");
        long totalDiff = 0;
        String separator = "";
        for (String group : new TreeSet<>(groupConfigs.names())) {
            json.append(separator).append('{');
            string(json, group);
            json.append(":[");
            totalDiff += appendGroup(json, group, onlyOrdered);
            json.append("]}");
            separator = ",";
        }
        json.append("],\"totalDiff\":").append(totalDiff).append('}');
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Appends the group's ConsumeStats, one per topic; returns their lag. */
    private long appendGroup(StringBuilder json, String group, boolean onlyOrdered) {
        long diff = 0;
        String separator = "";
        for (String topic : new TreeSet<>(offsets.topicsOf(group))) {
            TopicConfig config = topics.find(topic).orElse(null);
            if (config == null || onlyOrdered && !config.order() || groups.leftTopic(group, topic)) {
                continue;
            }
            MessageQueueTableJson consumeStats = new MessageQueueTableJson(
                    Map.of("consumeTps", stats.groupGetsPerSecond(group)));
            for (int queueId = 0; queueId < config.writeQueueNums(); queueId++) {
                QueueConsumeStats queue = QueueConsumeStats.of(store, offsets, group, topic, queueId);
                consumeStats.queue(brokerName, topic, queueId, queue.fields());
                diff += queue.diff();
            }
            json.append(separator).append(new String(consumeStats.finish(), StandardCharsets.UTF_8));
            separator = ",";
        }
        return diff;
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, json);
        json.append('"');
    }
}
