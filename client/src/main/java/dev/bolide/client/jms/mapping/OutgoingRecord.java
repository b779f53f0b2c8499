package dev.bolide.client.jms.mapping;

import dev.bolide.client.jms.message.PropertyNames;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.QueueSelector;
import dev.bolide.protocol.message.PropertyKeys;
import java.util.Map;

/**
 * What a producer sends to RocketMQ for one Jakarta Messaging message. {@code TAGS} and
 * {@code KEYS} sit in the properties, where the RocketMQ send request carries them too.
 *
 * @param bornTimestamp the JMSTimestamp; 0 when the producer disabled timestamps, and then the
 *     sender uses its clock for the RocketMQ born timestamp
 */
public record OutgoingRecord(String topic, Map<String, String> properties, byte[] body, int flag,
        long bornTimestamp) {

    public String tags() {
        return properties.get(PropertyKeys.TAGS);
    }

    public String keys() {
        return properties.get(PropertyKeys.KEYS);
    }

    /** The RocketMQ message sent for it. */
    public OutgoingMessage message() {
        return OutgoingMessage.of(topic, body, properties);
    }

    /**
     * The queue it must go to: with a JMSXGroupID, the group id's hash picks it (RocketMQ's ordering
     * key), so that one group's messages keep their order; otherwise null, any queue.
     */
    public QueueSelector queueSelector() {
        String group = properties.get(PropertyNames.GROUP_ID);
        return group == null ? null : QueueSelector.byHash(group);
    }
}
