package dev.bolide.broker.admin;

import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * GET_CONSUME_STATS (mqadmin {@code consumerProgress}, {@code DefaultMQAdminExt.examineConsumeStats}):
 * per queue, the broker's newest offset against the group's committed one (their difference is the
 * lag), for one topic or for every topic the group has committed on and still subscribes.
 */
public final class ConsumeStatsProcessor implements RequestProcessor {
    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsets offsets;
    private final ConsumerGroups groups;
    private final BrokerStats stats;
    private final String brokerName;

    public ConsumeStatsProcessor(MessageStore store, TopicConfigTable topics, ConsumerOffsets offsets,
            ConsumerGroups groups, BrokerStats stats, String brokerName) {
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.groups = groups;
        this.stats = stats;
        this.brokerName = brokerName;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        String group = request.requiredField("consumerGroup");
        MessageQueueTableJson body = new MessageQueueTableJson(Map.of("consumeTps", stats.groupGetsPerSecond(group)));
        for (String topic : topicsOf(group, request.field("topic"))) {
            Optional<TopicConfig> config = topics.find(topic);
            for (int queueId = 0; config.isPresent() && queueId < config.get().readQueueNums(); queueId++) {
                body.queue(brokerName, topic, queueId,
                        QueueConsumeStats.of(store, offsets, group, topic, queueId).fields());
            }
        }
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                body.finish()));
    }

    /** The requested topic, or the group's committed topics that a live group still subscribes. */
    private Set<String> topicsOf(String group, String requested) {
        if (requested != null && !requested.isEmpty()) {
            return Set.of(requested);
        }
        boolean online = groups.info(group).isPresent();
        Set<String> found = new TreeSet<>(offsets.topicsOf(group));
        found.removeIf(topic -> online && groups.subscription(group, topic).isEmpty());
        return found;
    }
}
