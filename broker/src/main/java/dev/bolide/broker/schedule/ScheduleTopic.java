package dev.bolide.broker.schedule;

/**
 * Where delayed messages wait, as in RocketMQ: topic {@code SCHEDULE_TOPIC_XXXX}, one queue per
 * level (queue id = level - 1), the real topic and queue in the properties {@code REAL_TOPIC} and
 * {@code REAL_QID}.
 */
public final class ScheduleTopic {
    public static final String NAME = "SCHEDULE_TOPIC_XXXX";

    private ScheduleTopic() {
    }

    public static int queueOf(int level) {
        return level - 1;
    }

    public static int levelOf(int queueId) {
        return queueId + 1;
    }
}
