package dev.bolide.client.rocketmq;

/**
 * What the broker answered to a send.
 *
 * @param msgId       the client-generated unique id ({@code UNIQ_KEY}), what applications see
 * @param offsetMsgId the broker's id of the stored record (store host and commit-log offset)
 * @param queue       the queue the message went to
 * @param queueOffset its logical offset in that queue
 * @param durable     false when the broker stored it but reported a flush or slave timeout
 */
public record SendResult(String msgId, String offsetMsgId, MessageQueue queue, long queueOffset, boolean durable) {
}
