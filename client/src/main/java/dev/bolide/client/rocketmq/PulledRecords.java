package dev.bolide.client.rocketmq;

import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.message.RecordKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

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

    /** The body as the producer gave it: compressed bodies (zlib) are inflated. */
    private static byte[] body(MessageRecordView view) {
        byte[] stored = view.bodyBytes();
        if ((view.sysFlag() & MessageSysFlag.COMPRESSED) == 0) {
            return stored;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return stored; // not zlib after all: hand over what was stored rather than lose the message
        } finally {
            inflater.end();
        }
    }
}
