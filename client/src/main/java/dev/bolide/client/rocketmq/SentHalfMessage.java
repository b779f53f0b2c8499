package dev.bolide.client.rocketmq;

import dev.bolide.protocol.message.MessageId;

/**
 * A half message the broker stored: what END_TRANSACTION needs to commit or roll it back.
 *
 * @param producerGroup   the group it was sent for, whose producers the broker checks back
 * @param brokerName      the broker holding it, the one to decide it on
 * @param msgId           the client-generated unique id ({@code UNIQ_KEY})
 * @param commitLogOffset where the broker stored it
 * @param queueOffset     its offset in the broker's half queue (END_TRANSACTION's {@code tranStateTableOffset})
 */
public record SentHalfMessage(String producerGroup, String brokerName, String msgId, long commitLogOffset,
        long queueOffset) {

    static SentHalfMessage of(String producerGroup, SendResult result) {
        return new SentHalfMessage(producerGroup, result.queue().brokerName(), result.msgId(),
                MessageId.physicalOffset(result.offsetMsgId()), result.queueOffset());
    }
}
