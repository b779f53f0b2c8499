package dev.bolide.client.jms.session;

import jakarta.jms.IllegalStateException;

/**
 * Which destinations a session serves: a {@code QueueSession} from {@code createQueueSession} refuses
 * the methods of topics and a {@code TopicSession} those of queues with {@link IllegalStateException},
 * as their interfaces say; a {@code Session} serves both.
 */
public enum SessionDomain {
    BOTH, QUEUE, TOPIC;

    void checkTopics(String method) throws IllegalStateException {
        if (this == QUEUE) {
            throw new IllegalStateException(method + " is a method of topics, not allowed on a QueueSession");
        }
    }

    void checkQueues(String method) throws IllegalStateException {
        if (this == TOPIC) {
            throw new IllegalStateException(method + " is a method of queues, not allowed on a TopicSession");
        }
    }
}
