package dev.bolide.client.rocketmq;

import dev.bolide.protocol.message.BodyCompression;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import java.util.HashMap;
import java.util.List;
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
    /** What brokers refuse in a batch: delays and timers. */
    private static final List<String> NOT_IN_BATCHES = List.of(PropertyKeys.DELAY_TIME_LEVEL,
            PropertyKeys.TIMER_DELIVER_MS, PropertyKeys.TIMER_DELAY_SEC, PropertyKeys.TIMER_DELAY_MS);

    public OutgoingMessage {
        properties = Map.copyOf(properties);
    }

    /**
     * Whether the message can travel in a batch: a batch has one sysFlag for all its items, so bodies
     * travel as they are (a large one would go compressed, alone), and brokers refuse delays and
     * timers in batches.
     */
    public boolean fitsBatch() {
        if (body.length >= BodyCompression.THRESHOLD || sysFlag != 0) {
            return false;
        }
        for (String key : NOT_IN_BATCHES) {
            if (properties.containsKey(key)) {
                return false;
            }
        }
        return true;
    }

    public static OutgoingMessage of(String topic, byte[] body, Map<String, String> properties) {
        return new OutgoingMessage(topic, body, 0, properties, 0);
    }

    /**
     * This message as a half message of a RocketMQ transaction of {@code producerGroup}, as
     * TransactionMQProducer sends it ({@code TRAN_MSG}, {@code PGROUP}, the prepared sysFlag), with
     * {@code extra} properties.
     */
    OutgoingMessage asHalf(String producerGroup, Map<String, String> extra) {
        Map<String, String> halfProperties = new HashMap<>(properties);
        halfProperties.putAll(extra);
        halfProperties.put(PropertyKeys.TRANSACTION_PREPARED, "true");
        halfProperties.put(PropertyKeys.PRODUCER_GROUP, producerGroup);
        return new OutgoingMessage(topic, body, flag, halfProperties,
                MessageSysFlag.withTransactionType(sysFlag, MessageSysFlag.TRANSACTION_PREPARED_TYPE));
    }
}
