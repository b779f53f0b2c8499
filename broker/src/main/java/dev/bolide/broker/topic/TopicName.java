package dev.bolide.broker.topic;


/** RocketMQ's rules for topic names: non-blank, at most 127 characters of {@code [%|a-zA-Z0-9_-]}. */
public final class TopicName {
    public static final int MAX_LENGTH = 127;
    /** The characters {@code [%|a-zA-Z0-9_-]}, as a table: a regular expression cost 1 % of the send path. */
    private static final boolean[] LEGAL = legalCharacters();

    private TopicName() {
    }

    /** @throws IllegalArgumentException with the message RocketMQ gives for the same mistake */
    public static String check(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("The specified topic is blank.");
        }
        if (!legal(topic)) {
            throw new IllegalArgumentException("The specified topic[" + topic
                    + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$");
        }
        if (topic.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The specified topic is longer than topic max length " + MAX_LENGTH + ".");
        }
        return topic;
    }

    private static boolean legal(String topic) {
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c >= LEGAL.length || !LEGAL[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] legalCharacters() {
        boolean[] legal = new boolean[128];
        for (char c : "%|_-".toCharArray()) {
            legal[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            legal[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            legal[c] = true;
            legal[Character.toUpperCase(c)] = true;
        }
        return legal;
    }
}
