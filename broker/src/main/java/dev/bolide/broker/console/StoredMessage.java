package dev.bolide.broker.console;

import dev.bolide.protocol.message.BodyCompression;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.MessageSysFlag;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * One stored message as the console shows it, copied out of its CommitLog record.
 *
 * @param body the body as the producer gave it: a body the client compressed (zlib) is inflated
 */
record StoredMessage(String topic, int queueId, long queueOffset, long commitLogOffset, String offsetMessageId,
        long storeTimestamp, long bornTimestamp, InetSocketAddress bornHost, int reconsumeTimes,
        Map<String, String> properties, byte[] body) {

    /** @param record a whole record, positioned at its start; only read */
    static StoredMessage of(ByteBuffer record) {
        MessageRecordView view = new MessageRecordView().wrap(record, record.position());
        byte[] body = view.bodyBytes();
        if ((view.sysFlag() & MessageSysFlag.COMPRESSED) != 0) {
            body = BodyCompression.inflate(body);
        }
        return new StoredMessage(view.topic(), view.queueId(), view.queueOffset(), view.physicalOffset(),
                MessageId.offsetMessageId(view.storeHost(), view.physicalOffset()), view.storeTimestamp(),
                view.bornTimestamp(), view.bornHost(), view.reconsumeTimes(),
                MessageProperties.decode(view.properties()), body);
    }

    String property(String name) {
        return properties.getOrDefault(name, "");
    }
}
