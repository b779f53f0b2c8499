package dev.bolide.tck.ondisk;

import com.alibaba.fastjson.JSON;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * What a broker answers the admin tools about its metadata: every topic's configuration, every
 * subscription group's, and the committed offsets of some groups (by {@code topic/queueId}, with
 * the queue's max offset beside it), so that two brokers, or one broker before and after a
 * restart, can be compared. Saved as JSON in fastjson's shape, RocketMQ's own serializer.
 */
record BrokerMetadata(Map<String, TopicConfig> topics, Map<String, SubscriptionGroupConfig> groups,
        Map<String, Map<String, QueueProgress>> offsets) {

    /** Where a group is in one queue, and where the queue ends. */
    record QueueProgress(long consumerOffset, long brokerOffset) {
    }

    static BrokerMetadata of(DefaultMQAdminExt admin, String brokerAddress, Collection<String> groups)
            throws Exception {
        Map<String, Map<String, QueueProgress>> offsets = new TreeMap<>();
        for (String group : groups) {
            offsets.put(group, progress(consumeStats(admin, brokerAddress, group)));
        }
        return new BrokerMetadata(new TreeMap<>(admin.getAllTopicConfig(brokerAddress, 5_000).getTopicConfigTable()),
                new TreeMap<>(admin.getAllSubscriptionGroup(brokerAddress, 5_000).getSubscriptionGroupTable()),
                offsets);
    }

    /**
     * The broker's GET_CONSUME_STATS answer for a group, asked of the broker itself: the admin's
     * {@code examineConsumeStats} finds brokers through the group's retry topic, which a group that
     * only ever pulled does not have. The client instance is the admin's own (one per client id).
     */
    static ConsumeStats consumeStats(DefaultMQAdminExt admin, String brokerAddress, String group) throws Exception {
        return MQClientManager.getInstance().getOrCreateMQClientInstance(admin).getMQClientAPIImpl()
                .getConsumeStats(brokerAddress, group, 5_000);
    }

    private static Map<String, QueueProgress> progress(ConsumeStats stats) {
        Map<String, QueueProgress> progress = new TreeMap<>();
        stats.getOffsetTable().forEach((queue, offset) -> progress.put(queue.getTopic() + "/" + queue.getQueueId(),
                new QueueProgress(offset.getConsumerOffset(), offset.getBrokerOffset())));
        return progress;
    }

    /** Offsets are saved as {@code [consumerOffset, brokerOffset]}: fastjson 1.2 does not know records. */
    String toJson() {
        Map<String, Map<String, long[]>> savedOffsets = new TreeMap<>();
        offsets.forEach((group, queues) -> queues.forEach((queue, progress) -> savedOffsets
                .computeIfAbsent(group, g -> new TreeMap<>())
                .put(queue, new long[] {progress.consumerOffset(), progress.brokerOffset()})));
        return JSON.toJSONString(Map.of("topics", topics, "groups", groups, "offsets", savedOffsets), true);
    }

    static BrokerMetadata fromJson(String json) {
        Saved saved = JSON.parseObject(json, Saved.class);
        Map<String, Map<String, QueueProgress>> offsets = new TreeMap<>();
        saved.offsets.forEach((group, queues) -> queues.forEach((queue, progress) -> offsets
                .computeIfAbsent(group, g -> new TreeMap<>()).put(queue, new QueueProgress(progress[0], progress[1]))));
        return new BrokerMetadata(new TreeMap<>(saved.topics), new TreeMap<>(saved.groups), offsets);
    }

    /** The saved form, a bean, as fastjson reads it. */
    public static final class Saved {
        public Map<String, TopicConfig> topics;
        public Map<String, SubscriptionGroupConfig> groups;
        public Map<String, Map<String, long[]>> offsets;
    }
}
