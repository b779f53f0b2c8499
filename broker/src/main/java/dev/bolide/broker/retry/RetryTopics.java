package dev.bolide.broker.retry;

import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A consumer group's retry topic {@code %RETRY%<group>} (the group's {@code retryQueueNums}
 * queues) and dead-letter topic {@code %DLQ%<group>} (one queue), created when first needed,
 * readable and writable as in RocketMQ.
 */
public final class RetryTopics {
    public static final String RETRY_PREFIX = "%RETRY%";
    public static final String DEAD_LETTER_PREFIX = "%DLQ%";
    private static final int DEAD_LETTER_QUEUES = 1;

    private final TopicConfigTable topics;

    public RetryTopics(TopicConfigTable topics) {
        this.topics = topics;
    }

    public static String retryTopic(String group) {
        return RETRY_PREFIX + group;
    }

    public static String deadLetterTopic(String group) {
        return DEAD_LETTER_PREFIX + group;
    }

    /** The group whose retry topic this is. */
    static Optional<String> groupOfRetryTopic(String topic) {
        return topic.startsWith(RETRY_PREFIX) ? Optional.of(topic.substring(RETRY_PREFIX.length())) : Optional.empty();
    }

    TopicConfig retryTopicOf(SubscriptionGroupConfig group) {
        return findOrCreate(retryTopic(group.groupName()), Math.max(1, group.retryQueueNums()));
    }

    /** The group's retry topic, created with one queue when the group's members never asked for it. */
    public TopicConfig retryTopicOf(String group) {
        return findOrCreate(retryTopic(group), 1);
    }

    TopicConfig deadLetterTopicOf(String group) {
        return findOrCreate(deadLetterTopic(group), DEAD_LETTER_QUEUES);
    }

    /** Completes once the topics file holds {@code topic}, one of these created for a send, say. */
    public CompletableFuture<Void> persisted(String topic) {
        return topics.persisted(topic);
    }

    /** Created without waiting for the topics file (sends run on I/O threads): see {@link #persisted}. */
    private TopicConfig findOrCreate(String name, int queues) {
        return topics.find(name).orElseGet(() -> topics.createIfAbsent(TopicConfig.of(name, queues)));
    }
}
