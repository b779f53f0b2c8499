package dev.bolide.broker.topic;

import dev.bolide.broker.metadata.DataVersion;
import java.util.Map;

/**
 * The broker's topics as of one {@link DataVersion} (RocketMQ's {@code TopicConfigSerializeWrapper}):
 * what {@code topics.json} holds and what a broker registers with its name servers.
 */
public record VersionedTopics(DataVersion dataVersion, Map<String, TopicConfig> topics) {
    public VersionedTopics {
        topics = Map.copyOf(topics);
    }
}
