package dev.bolide.store;

/**
 * Where one appended message was stored.
 *
 * @param queueOffset its logical offset in the ConsumeQueue of its topic and queue; 0 for
 *                    prepared and rolled-back transactional records, which get no queue entry
 * @param offsetMessageId the offset message id RocketMQ clients use to view it
 */
public record AppendedMessage(String topic, int queueId, long queueOffset, long physicalOffset, int size,
        long storeTimestamp, String offsetMessageId) {
}
