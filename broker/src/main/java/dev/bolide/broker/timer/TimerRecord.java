package dev.bolide.broker.timer;

import dev.bolide.protocol.message.HostAddress;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.store.MessageToStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a timer is kept in the CommitLog, as RocketMQ 5 keeps it: the message itself, stored in the
 * system topic {@value #TOPIC} (queue 0) with its real topic and queue in {@code REAL_TOPIC} and
 * {@code REAL_QID} and its delivery time in {@code TIMER_OUT_MS}; and how its delivery is made
 * from that record: the same message on its real topic and queue, properties kept (so a consumer
 * sees {@code TIMER_OUT_MS}, and a producer re-sending it does not delay it again), plus the
 * {@link DeliveryMarker}.
 */
final class TimerRecord {
    static final String TOPIC = "rmq_sys_wheel_timer";
    static final int QUEUE_ID = 0;

    private TimerRecord() {
    }

    /** The timer record that delivers {@code message} at {@code deliverAt} (epoch ms). */
    static MessageToStore of(MessageToStore message, long deliverAt) {
        Map<String, String> properties = MessageProperties.decode(
                new String(message.properties(), StandardCharsets.UTF_8));
        properties.put(PropertyKeys.REAL_TOPIC, message.topic());
        properties.put(PropertyKeys.REAL_QUEUE_ID, Integer.toString(message.queueId()));
        properties.put(PropertyKeys.TIMER_OUT_MS, Long.toString(deliverAt));
        byte[] bornHost = message.bornHost();
        return MessageToStore.builder(TOPIC, QUEUE_ID, message.body())
                .flag(message.flag())
                .sysFlag(message.sysFlag())
                .bornTimestamp(message.bornTimestamp())
                .bornHost(HostAddress.decode(ByteBuffer.wrap(bornHost), 0, bornHost.length))
                .reconsumeTimes(message.reconsumeTimes())
                .preparedTransactionOffset(message.preparedTransactionOffset())
                .properties(properties)
                .waitForFlush(message.waitForFlush())
                .build();
    }

    /** The delivery time a timer record carries; 0 (due at once) when it carries none that parses. */
    static long deliveryTime(MessageRecordView record) {
        try {
            return Long.parseLong(MessageProperties.find(record.properties(), PropertyKeys.TIMER_OUT_MS));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The message that delivers a timer record.
     *
     * @throws IllegalArgumentException when the record names no real topic and queue
     */
    static MessageToStore delivery(MessageRecordView record, DeliveryMarker marker) {
        Map<String, String> properties = MessageProperties.decode(record.properties());
        String topic = properties.get(PropertyKeys.REAL_TOPIC);
        String queueId = properties.get(PropertyKeys.REAL_QUEUE_ID);
        if (topic == null || queueId == null) {
            throw new IllegalArgumentException("timer record without REAL_TOPIC and REAL_QID");
        }
        properties.put(DeliveryMarker.PROPERTY, marker.encode());
        return MessageToStore.builder(topic, Integer.parseInt(queueId), record.bodyBytes())
                .flag(record.flag())
                .sysFlag(record.sysFlag())
                .bornTimestamp(record.bornTimestamp())
                .bornHost(record.bornHost())
                .reconsumeTimes(record.reconsumeTimes())
                .properties(properties)
                .build();
    }
}
