package dev.bolide.broker.retry;

import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import java.io.IOException;
import java.util.Optional;

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

    TopicConfig retryTopicOf(SubscriptionGroupConfig group) throws IOException {
        return findOrCreate(retryTopic(group.groupName()), Math.max(1, group.retryQueueNums()));
    }

    /** The group's retry topic, created with one queue when the group's members never asked for it. */
    public TopicConfig retryTopicOf(String group) throws IOException {
        return findOrCreate(retryTopic(group), 1);
    }

    TopicConfig deadLetterTopicOf(String group) throws IOException {
        return findOrCreate(deadLetterTopic(group), DEAD_LETTER_QUEUES);
    }

    private synchronized TopicConfig findOrCreate(String name, int queues) throws IOException {
        Optional<TopicConfig> existing = topics.find(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        TopicConfig created = TopicConfig.of(name, queues);
        topics.put(created);
        return created;
    }
}
