package dev.bolide.broker.admin;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * GET_TOPIC_STATS_INFO (mqadmin {@code topicStatus}): for every write queue of a topic, its
 * minimum and maximum offsets and when its newest message was stored.
 */
public final class TopicStatsProcessor implements RequestProcessor {
    private final MessageStore store;
    private final TopicConfigTable topics;
    private final String brokerName;

    public TopicStatsProcessor(MessageStore store, TopicConfigTable topics, String brokerName) {
        this.store = store;
        this.topics = topics;
        this.brokerName = brokerName;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        String topic = request.requiredField("topic");
        Optional<TopicConfig> config = topics.find(topic);
        if (config.isEmpty()) {
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                    "topic[" + topic + "] not exist", null, null));
        }
        MessageQueueTableJson body = new MessageQueueTableJson(Map.of());
        for (int queueId = 0; queueId < config.get().writeQueueNums(); queueId++) {
            body.queue(brokerName, topic, queueId, stats(topic, queueId));
        }
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                body.finish()));
    }

    private Map<String, Long> stats(String topic, int queueId) {
        long max = store.maxOffset(topic, queueId);
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put("lastUpdateTimestamp", Math.max(0, store.storeTimestamp(topic, queueId, max - 1)));
        fields.put("maxOffset", max);
        fields.put("minOffset", store.minOffset(topic, queueId));
        return fields;
    }
}
