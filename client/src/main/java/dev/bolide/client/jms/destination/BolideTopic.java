package dev.bolide.client.jms.destination;

import jakarta.jms.Topic;

/** A topic: the RocketMQ topic of the same name. */
public record BolideTopic(String name) implements Topic {
    @Override
    public String getTopicName() {
        return name;
    }

    @Override
    public String toString() {
        return DestinationNames.TOPIC_PREFIX + name;
    }
}
