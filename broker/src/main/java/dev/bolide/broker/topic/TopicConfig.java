package dev.bolide.broker.topic;

/**
 * One topic as RocketMQ configures it. {@code perm} is a combination of {@link #PERM_READ},
 * {@link #PERM_WRITE} and {@link #PERM_INHERIT} (a template other topics may be created from).
 */
public record TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm, String topicFilterType,
        int topicSysFlag, boolean order) {
    public static final int PERM_INHERIT = 1;
    public static final int PERM_WRITE = 2;
    public static final int PERM_READ = 4;
    public static final int PERM_READ_WRITE = PERM_READ | PERM_WRITE;
    public static final String SINGLE_TAG = "SINGLE_TAG";

    /** A readable, writable topic with {@code queues} read and write queues. */
    public static TopicConfig of(String name, int queues) {
        return new TopicConfig(name, queues, queues, PERM_READ_WRITE, SINGLE_TAG, 0, false);
    }

    /** This topic with {@code perm} instead of its own. */
    public TopicConfig withPerm(int perm) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, order);
    }

    public boolean isReadable() {
        return (perm & PERM_READ) != 0;
    }

    public boolean isWritable() {
        return (perm & PERM_WRITE) != 0;
    }

    public boolean isInheritable() {
        return (perm & PERM_INHERIT) != 0;
    }
}
