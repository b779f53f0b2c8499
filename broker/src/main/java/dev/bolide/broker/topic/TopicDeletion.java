package dev.bolide.broker.topic;

import dev.bolide.store.MessageStore;
import java.io.IOException;

/**
 * Deleting a topic, the one path for mqadmin's {@code deleteTopic} (DELETE_TOPIC_IN_BROKER) and the
 * console's Topics page: its configuration, then its ConsumeQueues, while the broker runs, as
 * RocketMQ 4.9.7 does (its {@code deleteTopic} calls the store's {@code cleanUnusedTopic}). The
 * messages stay in the CommitLog until retention deletes them. Created again, the topic starts with
 * empty queues whose offsets continue where they were, so its groups' committed offsets stay valid
 * (RocketMQ starts them again at 0). RocketMQ's call also deletes the queues of every other topic it
 * has no configuration for; here that is left to mqadmin {@code cleanUnusedTopic}, so that deleting
 * one topic deletes nothing else.
 */
public final class TopicDeletion {
    private static final System.Logger LOG = System.getLogger(TopicDeletion.class.getName());

    private final TopicConfigTable topics;
    private final MessageStore store;

    public TopicDeletion(TopicConfigTable topics, MessageStore store) {
        this.topics = topics;
        this.store = store;
    }

    /** @throws IllegalArgumentException for a bad name or a system topic, with RocketMQ's words */
    public void delete(String topic) throws IOException {
        SystemTopics.checkNotReserved(TopicName.check(topic));
        topics.delete(topic);
        int queues = store.deleteQueuesOf(topic);
        LOG.log(System.Logger.Level.INFO, "topic {0} deleted, with its {1} ConsumeQueues", topic, queues);
    }
}
