package dev.bolide.client.rocketmq;

import dev.bolide.protocol.message.BodyCompression;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.message.RecordKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of a pull answer: stored records back to back. Decoding stops at the first record that
 * does not check out, as RocketMQ's client does.
 */
final class PulledRecords {
    private PulledRecords() {
    }

    static List<ReceivedMessage> decode(byte[] body, String brokerName) {
        List<ReceivedMessage> messages = new ArrayList<>();
        if (body == null) {
            return messages;
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        MessageRecordView view = new MessageRecordView();
        int at = 0;
        while (at < body.length && MessageRecordView.classify(buffer, at, body.length - at, false) == RecordKind.MESSAGE) {
            messages.add(message(view.wrap(buffer, at), brokerName));
            at += view.totalSize();
        }
        return messages;
    }

    private static ReceivedMessage message(MessageRecordView view, String brokerName) {
        Map<String, String> properties = MessageProperties.decode(view.properties());
        String uniqueId = properties.get(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID);
        String msgId = uniqueId != null ? uniqueId : MessageId.offsetMessageId(view.storeHost(), view.physicalOffset());
        return new ReceivedMessage(view.topic(), brokerName, view.queueId(), view.queueOffset(), view.physicalOffset(),
                view.bornTimestamp(), view.storeTimestamp(), view.reconsumeTimes(), view.flag(), view.sysFlag(),
                properties, body(view), msgId);
    }

    /** The body as the producer gave it. */
    private static byte[] body(MessageRecordView view) {
        byte[] stored = view.bodyBytes();
        return (view.sysFlag() & MessageSysFlag.COMPRESSED) == 0 ? stored : BodyCompression.inflate(stored);
    }
}
