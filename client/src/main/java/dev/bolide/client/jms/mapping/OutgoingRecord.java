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
 * @param senderQueues  the queue a message without JMSXGroupID goes to, the sending session's
 *     ({@link dev.bolide.client.rocketmq.StickyQueues}, to keep the session's send order); null: any queue, the next in turn
 */
public record OutgoingRecord(String topic, Map<String, String> properties, byte[] body, int flag,
        long bornTimestamp, QueueSelector senderQueues) {

    /** A record going to any queue, until a session places it ({@link #placedBy}). */
    public OutgoingRecord(String topic, Map<String, String> properties, byte[] body, int flag, long bornTimestamp) {
        this(topic, properties, body, flag, bornTimestamp, null);
    }

    /** This record, sent by a sender that keeps its messages to {@code queues} (null: any queue). */
    public OutgoingRecord placedBy(QueueSelector queues) {
        return new OutgoingRecord(topic, properties, body, flag, bornTimestamp, queues);
    }

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
     * key), so that one group's messages keep their order; otherwise its sender's queue, or null, any queue.
     */
    public QueueSelector queueSelector() {
        String group = properties.get(PropertyNames.GROUP_ID);
        return group == null ? senderQueues : QueueSelector.byHash(group);
    }
}
