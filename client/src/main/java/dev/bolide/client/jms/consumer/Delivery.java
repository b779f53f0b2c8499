package dev.bolide.client.jms.consumer;

import dev.bolide.client.jms.mapping.JmsPropertyKeys;
import dev.bolide.client.jms.mapping.ReceivedRecord;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.ReceivedMessage;

/**
 * One delivery of a pulled message to a consumer of this connection.
 *
 * @param redeliveries how often this connection delivered it again after a failed listener or a recover
 */
public record Delivery(ReceivedMessage message, GroupReader reader, QueueCursor cursor, int redeliveries) {
    /** JMSXDeliveryCount: the broker's redeliveries (retry topic) plus the local ones, plus one. */
    public int deliveryCount() {
        return message.reconsumeTimes() + redeliveries + 1;
    }

    public Delivery redelivered() {
        return new Delivery(message, reader, cursor, redeliveries + 1);
    }

    public ReceivedRecord record() {
        return new ReceivedRecord(message.topic(), message.properties(), message.body(), message.bornTimestamp(),
                message.reconsumeTimes() + redeliveries, message.msgId());
    }

    public boolean expired(long now) {
        return expired(message, now);
    }

    /** Whether the message's JMSExpiration has passed at {@code now}. */
    public static boolean expired(ReceivedMessage message, long now) {
        String expiration = message.property(JmsPropertyKeys.EXPIRATION);
        return expiration != null && Long.parseLong(expiration) <= now;
    }

    /** The queue the message was pulled from (a retry topic's, for a message given back). */
    public MessageQueue queue() {
        return cursor.queue();
    }

    /** The consumer group it was pulled for. */
    public String group() {
        return reader.group();
    }

    /** The message is done with: its offset may be committed. */
    public void acknowledge() {
        reader.acknowledge(this);
    }
}
