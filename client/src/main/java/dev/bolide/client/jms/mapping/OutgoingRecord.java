package dev.bolide.client.jms.mapping;

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
}
