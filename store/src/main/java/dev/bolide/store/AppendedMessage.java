package dev.bolide.store;

import dev.bolide.protocol.message.MessageId;

/**
 * Where one appended message was stored.
 */
public final class AppendedMessage {
    private final String topic;
    private final int queueId;
    private final long queueOffset;
    private final long physicalOffset;
    private final int size;
    private final long storeTimestamp;
    private final byte[] storeHost;

    /** @param storeHost the store host as encoded in records, for the offset message id */
    public AppendedMessage(String topic, int queueId, long queueOffset, long physicalOffset, int size,
            long storeTimestamp, byte[] storeHost) {
        this.topic = topic;
        this.queueId = queueId;
        this.queueOffset = queueOffset;
        this.physicalOffset = physicalOffset;
        this.size = size;
        this.storeTimestamp = storeTimestamp;
        this.storeHost = storeHost;
    }

    public String topic() {
        return topic;
    }

    public int queueId() {
        return queueId;
    }

    /**
     * Its logical offset in the ConsumeQueue of its topic and queue; 0 for prepared and
     * rolled-back transactional records, which get no queue entry.
     */
    public long queueOffset() {
        return queueOffset;
    }

    public long physicalOffset() {
        return physicalOffset;
    }

    public int size() {
        return size;
    }

    public long storeTimestamp() {
        return storeTimestamp;
    }

    /**
     * The offset message id RocketMQ clients use to view the message. Computed on request: hex
     * formatting cost more than the rest of an append, and not every caller needs it.
     */
    public String offsetMessageId() {
        return MessageId.offsetMessageId(storeHost, physicalOffset);
    }

    @Override
    public String toString() {
        return "AppendedMessage[" + topic + "-" + queueId + "@" + queueOffset + ", physicalOffset=" + physicalOffset
                + ", size=" + size + "]";
    }
}
