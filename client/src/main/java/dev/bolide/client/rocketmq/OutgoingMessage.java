package dev.bolide.client.rocketmq;

import java.util.Map;

/**
 * A message to send, as RocketMQ stores it.
 *
 * @param flag       the user flag, stored as given
 * @param properties user and system properties ({@code TAGS}, {@code KEYS}, {@code DELAY}, ...); the
 *                   client adds {@code UNIQ_KEY} when absent
 * @param body       bodies of 4 KiB or more are sent zlib-compressed (unless {@code sysFlag} says
 *                   they already are); consumers get them back inflated
 * @param sysFlag    MessageSysFlag bits the producer sets (compression, transaction prepared)
 */
public record OutgoingMessage(String topic, byte[] body, int flag, Map<String, String> properties, int sysFlag) {
    public OutgoingMessage {
        properties = Map.copyOf(properties);
    }

    public static OutgoingMessage of(String topic, byte[] body, Map<String, String> properties) {
        return new OutgoingMessage(topic, body, 0, properties, 0);
    }
}
