package dev.bolide.store;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.PropertyKeys;

/**
 * What a ConsumeQueue unit carries in its tags-code slot. By default the hash of the record's
 * {@code TAGS}, which tag filters compare; the owner of the store may put something else there for
 * queues nobody filters by tag (RocketMQ keeps a delayed message's due time there).
 */
@FunctionalInterface
public interface TagsCode {
    /** The hash of {@code TAGS}, 0 without tags: what RocketMQ clients and filters expect. */
    TagsCode OF_TAGS = (topic, queueId, properties, storeTimestamp) -> ofTags(properties);

    /** @param properties the record's encoded property string */
    long of(String topic, int queueId, String properties, long storeTimestamp);

    static long ofTags(String properties) {
        String tags = MessageProperties.find(properties, PropertyKeys.TAGS);
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    }
}
