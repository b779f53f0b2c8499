package dev.bolide.store;

/**
 * A message that has just become readable from its queue.
 *
 * @param properties the encoded property string, for filters that look at properties
 */
public record DispatchedMessage(String topic, int queueId, long queueOffset, long physicalOffset, int size,
        long tagsCode, long storeTimestamp, String properties) {
}
