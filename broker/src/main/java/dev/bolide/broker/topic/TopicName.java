package dev.bolide.broker.topic;

import java.util.regex.Pattern;

/** RocketMQ's rules for topic names: non-blank, at most 127 characters of {@code [%|a-zA-Z0-9_-]}. */
public final class TopicName {
    public static final int MAX_LENGTH = 127;
    private static final Pattern LEGAL = Pattern.compile("[%|a-zA-Z0-9_-]+");

    private TopicName() {
    }

    /** @throws IllegalArgumentException with the message RocketMQ gives for the same mistake */
    public static String check(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("The specified topic is blank.");
        }
        if (!LEGAL.matcher(topic).matches()) {
            throw new IllegalArgumentException("The specified topic[" + topic
                    + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
        }
        if (topic.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The specified topic is longer than topic max length " + MAX_LENGTH + ".");
        }
        return topic;
    }
}
