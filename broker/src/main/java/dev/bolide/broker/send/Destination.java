package dev.bolide.broker.send;

/** The topic and queue a message is stored in. */
public record Destination(String topic, int queueId) {
}
