package dev.bolide.tck.ondisk;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * What a test compares of a message: where it is, what it carries and both its ids, made from a
 * message read back or from what was sent, so that one equality covers every field.
 */
record SeenMessage(String topic, int queueId, long queueOffset, String body, String tags, String keys,
        Map<String, String> properties, String uniqueId, String offsetMsgId) {

    static SeenMessage sent(SentMessage sent) {
        SampleMessage content = sent.content();
        return new SeenMessage(content.topic(), sent.queueId(), sent.queueOffset(), content.body(), content.tags(),
                String.join(MessageConst.KEY_SEPARATOR, content.keys()), content.properties(), sent.uniqueId(),
                sent.offsetMsgId());
    }

    /**
     * @param message as the client decoded it: its {@code getMsgId()} is the unique id, its offset
     *                message id is made from the store host and CommitLog offset the broker sent
     */
    static SeenMessage read(MessageExt message) {
        Map<String, String> properties = new LinkedHashMap<>();
        SampleMessage.of(message.getTopic(), 0, 0).properties().keySet()
                .forEach(name -> properties.put(name, message.getUserProperty(name)));
        return new SeenMessage(message.getTopic(), message.getQueueId(), message.getQueueOffset(),
                new String(message.getBody(), StandardCharsets.UTF_8), message.getTags(), message.getKeys(), properties,
                message.getMsgId(),
                MessageDecoder.createMessageId(message.getStoreHost(), message.getCommitLogOffset()));
    }
}
