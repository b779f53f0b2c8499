package dev.bolide.client.rocketmq;

import java.util.Map;

/**
 * A pulled message, immutable.
 *
 * @param brokerName      the broker it was pulled from (where it is sent back to)
 * @param msgId           the {@code UNIQ_KEY} property, or the offset message id when the producer set none
 * @param commitLogOffset where the broker stored it: what CONSUMER_SEND_MSG_BACK names
 * @param properties      user and system properties ({@code TAGS}, {@code KEYS}, ...), unmodifiable
 */
public record ReceivedMessage(String topic, String brokerName, int queueId, long queueOffset, long commitLogOffset, long bornTimestamp,
        long storeTimestamp, int reconsumeTimes, int flag, int sysFlag, Map<String, String> properties, byte[] body,
        String msgId) {
    public ReceivedMessage {
        properties = Map.copyOf(properties);
    }

    /** The property, or null. */
    public String property(String name) {
        return properties.get(name);
    }

    /** A copy: the record itself keeps its bytes to itself. */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
