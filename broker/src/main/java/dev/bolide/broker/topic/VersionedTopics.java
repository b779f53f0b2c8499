package dev.bolide.broker.topic;

import dev.bolide.broker.metadata.DataVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * The broker's topics as of one {@link DataVersion} (RocketMQ's {@code TopicConfigSerializeWrapper}):
 * what {@code topics.json} holds and what a broker registers with its name servers.
 */
public record VersionedTopics(DataVersion dataVersion, Map<String, TopicConfig> topics) {
    public VersionedTopics {
        topics = Map.copyOf(topics);
    }

    /**
     * The topics as a broker with {@code brokerPermission} registers them: as RocketMQ's
     * {@code registerBrokerAll}, when it lacks read or write, every topic with that permission
     * (so that routes keep producers, or consumers, away from it); else as they are.
     */
    public VersionedTopics registeredWith(int brokerPermission) {
        if ((brokerPermission & TopicConfig.PERM_READ_WRITE) == TopicConfig.PERM_READ_WRITE) {
            return this;
        }
        Map<String, TopicConfig> registered = new HashMap<>();
        topics.forEach((name, config) -> registered.put(name, config.withPerm(brokerPermission)));
        return new VersionedTopics(dataVersion, registered);
    }
}
