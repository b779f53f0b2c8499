package dev.bolide.client.jms.destination;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.regex.Pattern;

/**
 * The text form of a destination in a header property ({@code JMSReplyTo}, {@code JMSDestination}):
 * {@code queue:NAME} or {@code topic:NAME}. RocketMQ topics alone cannot say whether a name is a
 * queue or a topic, so the kind travels with the name.
 */
public final class DestinationNames {
    public static final String QUEUE_PREFIX = "queue:";
    public static final String TOPIC_PREFIX = "topic:";

    /** RocketMQ's limit on topic names (the broker refuses longer ones). */
    public static final int MAX_TOPIC_LENGTH = 127;
    private static final Pattern LEGAL_TOPIC = Pattern.compile("[%|a-zA-Z0-9_-]+");

    private DestinationNames() {
    }

    public static String format(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return QUEUE_PREFIX + queue.getQueueName();
        }
        if (destination instanceof Topic topic) {
            return TOPIC_PREFIX + topic.getTopicName();
        }
        throw new InvalidDestinationException("not a queue or a topic: " + destination);
    }

    /**
     * A queue or topic name, checked against RocketMQ's topic-name rules: letters, digits, {@code _},
     * {@code -}, {@code %} and {@code |}, at most {@link #MAX_TOPIC_LENGTH} characters.
     */
    public static String checkTopicName(String name) throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("a destination name must not be null or empty");
        }
        if (name.length() > MAX_TOPIC_LENGTH) {
            throw new InvalidDestinationException("destination name longer than " + MAX_TOPIC_LENGTH
                    + " characters: " + name);
        }
        if (!LEGAL_TOPIC.matcher(name).matches()) {
            throw new InvalidDestinationException("destination name '" + name
                    + "' may only hold letters, digits, _, -, % and | (RocketMQ topic names)");
        }
        return name;
    }

    /** The RocketMQ topic a destination is stored in. */
    public static String topicOf(Destination destination) throws JMSException {
        String formatted = format(destination);
        return formatted.substring(formatted.indexOf(':') + 1);
    }

    /** The destination a text form names; a bare name (no kind) is taken as a topic. */
    public static Destination parse(String text) {
        if (text.startsWith(QUEUE_PREFIX)) {
            return new BolideQueue(text.substring(QUEUE_PREFIX.length()));
        }
        if (text.startsWith(TOPIC_PREFIX)) {
            return new BolideTopic(text.substring(TOPIC_PREFIX.length()));
        }
        return new BolideTopic(text);
    }
}
