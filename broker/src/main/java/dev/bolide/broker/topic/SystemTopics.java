package dev.bolide.broker.topic;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The topics a RocketMQ 4.9 broker creates for itself at start ({@code TopicConfigManager}), with
 * RocketMQ's queue counts and permissions, so that {@code mqadmin topicList} shows what it shows on
 * RocketMQ, and the names RocketMQ counts as system topics ({@code TopicValidator}), which mqadmin's
 * exports leave out and which users may not create.
 */
public final class SystemTopics {
    /** Created when {@code autoCreateTopicEnable}: the template topics are auto-created from. */
    public static final String AUTO_CREATE_TEMPLATE = "TBW102";
    /** RocketMQ's {@code TopicValidator} set: the system topics whatever the broker's names. */
    static final Set<String> FIXED = Set.of(AUTO_CREATE_TEMPLATE, "SCHEDULE_TOPIC_XXXX", "BenchmarkTest",
            "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRACE_TOPIC", "RMQ_SYS_TRANS_OP_HALF_TOPIC",
            "TRANS_CHECK_MAX_TIME_TOPIC", "SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT");
    /** RocketMQ's {@code new TopicConfig(name)}. */
    private static final int DEFAULT_QUEUES = 16;
    /** RocketMQ's {@code SCHEDULE_TOPIC_QUEUE_NUM}: one queue per delay level. */
    private static final int SCHEDULE_QUEUES = 18;
    private static final int BENCHMARK_QUEUES = 1024;
    private static final int INHERITABLE = TopicConfig.PERM_READ_WRITE | TopicConfig.PERM_INHERIT;

    private final String cluster;
    private final String brokerName;
    private final Optional<String> traceTopic;

    /** @param traceTopic the trace topic {@code traceTopicEnable} creates (one queue, as RocketMQ's); empty: none */
    public SystemTopics(String cluster, String brokerName, Optional<String> traceTopic) {
        this.cluster = cluster;
        this.brokerName = brokerName;
        this.traceTopic = traceTopic;
    }

    /**
     * Whether users may not create, replace or delete the topic: one of RocketMQ's fixed system
     * topics, or named as its own system topics are ({@code rmq_sys_}, in any case).
     */
    public static boolean isReserved(String topic) {
        return FIXED.contains(topic) || topic.toLowerCase(Locale.ROOT).startsWith("rmq_sys_");
    }

    /**
     * @return {@code topic}, when users may create, replace or delete it
     * @throws IllegalArgumentException with RocketMQ's words, when it is {@linkplain #isReserved reserved}
     */
    public static String checkNotReserved(String topic) {
        if (isReserved(topic)) {
            throw new IllegalArgumentException("The topic[" + topic + "] is conflict with system topic.");
        }
        return topic;
    }

    /**
     * The system topic names: the fixed ones, the cluster's, the broker's, the cluster's reply topic
     * and the trace topic the broker creates.
     */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(FIXED);
        names.addAll(List.of(cluster, brokerName, replyTopic()));
        traceTopic.ifPresent(names::add);
        return names;
    }

    /**
     * Creates the missing ones as RocketMQ does at start (its {@code clusterTopicEnable} and
     * {@code brokerTopicEnable} defaults: the cluster and broker topics are readable, writable and
     * templates); the template only with {@code autoCreateTopicEnable}.
     */
    public void createMissing(TopicConfigTable topics, boolean autoCreateTopicEnable, int defaultTopicQueueNums)
            throws IOException {
        if (autoCreateTopicEnable) {
            createIfMissing(topics, new TopicConfig(AUTO_CREATE_TEMPLATE, defaultTopicQueueNums, defaultTopicQueueNums,
                    INHERITABLE, TopicConfig.SINGLE_TAG, 0, false));
        }
        createIfMissing(topics, TopicConfig.of("SELF_TEST_TOPIC", 1));
        createIfMissing(topics, TopicConfig.of("BenchmarkTest", BENCHMARK_QUEUES));
        createIfMissing(topics, new TopicConfig(cluster, DEFAULT_QUEUES, DEFAULT_QUEUES, INHERITABLE,
                TopicConfig.SINGLE_TAG, 0, false));
        createIfMissing(topics, new TopicConfig(brokerName, 1, 1, INHERITABLE, TopicConfig.SINGLE_TAG, 0, false));
        createIfMissing(topics, TopicConfig.of("OFFSET_MOVED_EVENT", 1));
        createIfMissing(topics, TopicConfig.of("SCHEDULE_TOPIC_XXXX", SCHEDULE_QUEUES));
        createIfMissing(topics, TopicConfig.of(replyTopic(), 1));
        if (traceTopic.isPresent()) {
            createIfMissing(topics, TopicConfig.of(traceTopic.get(), 1));
        }
    }

    private static void createIfMissing(TopicConfigTable topics, TopicConfig config) throws IOException {
        if (topics.find(config.topicName()).isEmpty()) {
            topics.put(config);
        }
    }

    private String replyTopic() {
        return cluster + "_REPLY_TOPIC";
    }
}
