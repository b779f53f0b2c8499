package dev.bolide.broker.admin;

import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.store.MessageStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One queue's line of a ConsumeStats (RocketMQ's {@code OffsetWrapper}): the broker's newest
 * offset, the group's committed one (0 when none) and when the last consumed message was stored.
 */
record QueueConsumeStats(long brokerOffset, long consumerOffset, long lastTimestamp) {

    static QueueConsumeStats of(MessageStore store, ConsumerOffsets offsets, String group, String topic, int queueId) {
        long consumerOffset = offsets.committed(group, topic, queueId).orElse(0);
        return new QueueConsumeStats(store.maxOffset(topic, queueId), consumerOffset,
                Math.max(0, store.storeTimestamp(topic, queueId, consumerOffset - 1)));
    }

    /** What is left to consume. */
    long diff() {
        return brokerOffset - consumerOffset;
    }

    /** The fields in the order fastjson writes them. */
    Map<String, Long> fields() {
        Map<String, Long> fields = new LinkedHashMap<>();
        fields.put("brokerOffset", brokerOffset);
        fields.put("consumerOffset", consumerOffset);
        fields.put("lastTimestamp", lastTimestamp);
        return fields;
    }
}
