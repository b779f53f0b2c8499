package dev.bolide.client.jms.destination;

import jakarta.jms.Queue;

/** A queue: a RocketMQ topic consumed by the one consumer group that belongs to the queue. */
public record BolideQueue(String name) implements Queue {
    @Override
    public String getQueueName() {
        return name;
    }

    @Override
    public String toString() {
        return DestinationNames.QUEUE_PREFIX + name;
    }
}
