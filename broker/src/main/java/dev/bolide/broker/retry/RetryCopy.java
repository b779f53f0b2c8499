package dev.bolide.broker.retry;

import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import java.util.Map;

/**
 * What a message handed back to its group keeps and gains, wherever it goes next (retry topic or
 * dead letters): everything it had, plus {@code RETRY_TOPIC} (the topic it was first sent to) and
 * {@code ORIGIN_MESSAGE_ID} (the offset message id of its first attempt), as RocketMQ's send-back.
 */
public final class RetryCopy {
    private RetryCopy() {
    }

    /** The properties of the copy of {@code original}; its reconsume count + 1 is the caller's to set. */
    public static Map<String, String> properties(MessageRecordView original) {
        Map<String, String> properties = MessageProperties.decode(original.properties());
        properties.putIfAbsent(PropertyKeys.RETRY_TOPIC, original.topic());
        properties.putIfAbsent(PropertyKeys.ORIGIN_MESSAGE_ID,
                MessageId.offsetMessageId(original.storeHost(), original.physicalOffset()));
        return properties;
    }
}
