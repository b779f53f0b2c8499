package dev.bolide.client.jms.mapping;

import dev.bolide.client.rocketmq.ReceivedMessage;
import java.util.Map;

/**
 * The parts of a RocketMQ message a consumer received that the Jakarta Messaging view needs; the
 * network layer builds it from the pulled record.
 *
 * @param msgId the RocketMQ message id (the offset id), used when the record has no {@code UNIQ_KEY}
 */
public record ReceivedRecord(String topic, Map<String, String> properties, byte[] body,
        long bornTimestamp, int reconsumeTimes, String msgId) {
    /** The record of {@code message} as the broker returned it. */
    public static ReceivedRecord of(ReceivedMessage message) {
        return new ReceivedRecord(message.topic(), message.properties(), message.body(), message.bornTimestamp(),
                message.reconsumeTimes(), message.msgId());
    }
}
