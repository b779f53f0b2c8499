package dev.bolide.ra.inbound;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.protocol.selector.Selector;
import dev.bolide.protocol.selector.SelectorSyntaxException;
import dev.bolide.ra.outbound.ContainerConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.naming.NamingException;

/**
 * The activation properties of a {@link BolideActivationSpec}, checked: a value that is missing,
 * does not parse or contradicts another fails with an {@link InvalidPropertyException} naming the
 * property.
 *
 * @param destination     the queue's or topic's name
 * @param topic           whether it is a topic
 * @param selector        the message selector, with the tag expression folded in ({@code JMSType} is the
 *                        RocketMQ tag); null for all messages
 * @param durable         a durable topic subscription
 * @param shared          a shared topic subscription (its sessions share the messages)
 * @param sessions        how many sessions deliver concurrently: {@code maxSession}, or one when
 *                        order is kept or the topic subscription is not shared
 * @param nameServers     the name servers to consume from; null for the adapter's own
 */
public record ActivationSettings(String destination, boolean topic, String selector, boolean durable, boolean shared,
        String subscriptionName, String clientId, int sessions, boolean orderly, int maxRedeliveries,
        String nameServers) {
    public static final String QUEUE_TYPE = "jakarta.jms.Queue";
    public static final String TOPIC_TYPE = "jakarta.jms.Topic";
    /** As the ActiveMQ adapter: enough concurrency for a bean, few enough threads for a small server. */
    static final int DEFAULT_MAX_SESSION = 10;
    private static final String FIRST_OFFSET = "CONSUME_FROM_FIRST_OFFSET";
    private static final String LAST_OFFSET = "CONSUME_FROM_LAST_OFFSET";
    private static final String TIMESTAMP = "CONSUME_FROM_TIMESTAMP";

    /**
     * @param lookup resolves {@code destinationLookup} and {@code connectionFactoryLookup}; null
     *               when there is no naming context yet ({@link BolideActivationSpec#validate}), which
     *               leaves them unresolved
     */
    public static ActivationSettings check(BolideActivationSpec spec, Lookup lookup) throws InvalidPropertyException {
        Object looked = lookupDestination(spec.getDestinationLookup(), lookup);
        boolean topic = isTopic(spec.getDestinationType(), looked);
        String destination = destinationName(spec, looked);
        String selector = selector(spec.getTagExpression(), spec.getMessageSelector());
        acknowledgeMode(spec.getAcknowledgeMode());
        boolean durable = topic && durable(spec.getSubscriptionDurability());
        boolean shared = topic && Boolean.TRUE.equals(spec.getShareSubscriptions());
        String subscriptionName = blankAsNull(spec.getSubscriptionName());
        if ((durable || shared) && subscriptionName == null) {
            throw invalid("subscriptionName", spec.getSubscriptionName(), "a durable or shared subscription needs a name");
        }
        String clientId = blankAsNull(spec.getClientId());
        if (durable && !shared && clientId == null) {
            throw invalid("clientId", spec.getClientId(), "an unshared durable subscription needs a client id");
        }
        int maxSession = maxSession(spec.getMaxSession());
        boolean orderly = Boolean.TRUE.equals(spec.getConsumeOrderly());
        consumeFromWhere(spec.getConsumeFromWhere(), topic);
        int sessions = orderly || (topic && !shared) ? 1 : maxSession;
        return new ActivationSettings(destination, topic, selector, durable, shared, subscriptionName, clientId,
                sessions, orderly, maxRedeliveries(spec.getMaxRedeliveries()), nameServers(spec, lookup));
    }

    private static Object lookupDestination(String name, Lookup lookup) throws InvalidPropertyException {
        String jndiName = blankAsNull(name);
        if (jndiName == null || lookup == null) {
            return null;
        }
        Object found = resolve("destinationLookup", jndiName, lookup);
        if (!(found instanceof Queue) && !(found instanceof Topic)) {
            throw invalid("destinationLookup", name, "names a " + found.getClass().getName()
                    + ", not a jakarta.jms.Queue or Topic");
        }
        return found;
    }

    private static Object resolve(String property, String jndiName, Lookup lookup) throws InvalidPropertyException {
        try {
            Object found = lookup.lookup(jndiName);
            if (found == null) {
                throw invalid(property, jndiName, "nothing is bound to that name");
            }
            return found;
        } catch (NamingException e) {
            InvalidPropertyException failure = invalid(property, jndiName, "lookup failed: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    private static boolean isTopic(String type, Object looked) throws InvalidPropertyException {
        String given = blankAsNull(type);
        if (given != null && !given.equals(QUEUE_TYPE) && !given.equals(TOPIC_TYPE)) {
            throw invalid("destinationType", type, "not " + QUEUE_TYPE + " or " + TOPIC_TYPE);
        }
        if (looked == null) {
            return TOPIC_TYPE.equals(given);
        }
        boolean topic = looked instanceof Topic;
        if (given != null && topic != given.equals(TOPIC_TYPE)) {
            throw invalid("destinationType", type, "destinationLookup names a " + (topic ? "topic" : "queue"));
        }
        return topic;
    }

    /** destinationLookup, when set, wins over destination. */
    private static String destinationName(BolideActivationSpec spec, Object looked) throws InvalidPropertyException {
        try {
            if (looked instanceof Queue queue) {
                return queue.getQueueName();
            }
            if (looked instanceof Topic topic) {
                return topic.getTopicName();
            }
        } catch (jakarta.jms.JMSException e) {
            throw invalid("destinationLookup", spec.getDestinationLookup(), "the destination has no name: " + e);
        }
        String name = blankAsNull(spec.getDestination());
        if (name == null && blankAsNull(spec.getDestinationLookup()) == null) {
            throw invalid("destination", spec.getDestination(), "neither destination nor destinationLookup is set");
        }
        return name != null ? name : spec.getDestinationLookup().trim();
    }

    /** A tag expression ({@code *} or {@code TagA || TagB}) is a selector on JMSType, which carries the tag. */
    private static String selector(String tagExpression, String messageSelector) throws InvalidPropertyException {
        String tags = tagSelector(tagExpression);
        String given = blankAsNull(messageSelector);
        String selector = tags == null ? given : given == null ? tags : "(" + tags + ") AND (" + given + ")";
        try {
            if (selector != null) {
                Selector.compileJms(selector);
            }
        } catch (SelectorSyntaxException e) {
            throw invalid("messageSelector", messageSelector, e.getMessage());
        }
        return selector;
    }

    private static String tagSelector(String tagExpression) throws InvalidPropertyException {
        String expression = blankAsNull(tagExpression);
        if (expression == null || expression.equals("*")) {
            return null;
        }
        String[] tags = expression.split("\\|\\|", -1);
        for (String tag : tags) {
            if (tag.isBlank() || tag.contains("'") || tag.contains("*")) {
                throw invalid("tagExpression", tagExpression, "not * or tags separated by || (a tag has no ' or *)");
            }
        }
        return Arrays.stream(tags).map(tag -> "'" + tag.trim() + "'")
                .collect(Collectors.joining(", ", "JMSType IN (", ")"));
    }

    /** Both modes acknowledge once onMessage returns, the strongest either allows. */
    private static void acknowledgeMode(String mode) throws InvalidPropertyException {
        String given = blankAsNull(mode);
        if (given != null && !given.equalsIgnoreCase("Auto-acknowledge") && !given.equalsIgnoreCase("Dups-ok-acknowledge")) {
            throw invalid("acknowledgeMode", mode, "not Auto-acknowledge or Dups-ok-acknowledge");
        }
    }

    private static boolean durable(String durability) throws InvalidPropertyException {
        String given = blankAsNull(durability);
        if (given == null || given.equalsIgnoreCase("NonDurable")) {
            return false;
        }
        if (given.equalsIgnoreCase("Durable")) {
            return true;
        }
        throw invalid("subscriptionDurability", durability, "not Durable or NonDurable");
    }

    private static int maxSession(Integer value) throws InvalidPropertyException {
        if (value == null) {
            return DEFAULT_MAX_SESSION;
        }
        if (value < 1) {
            throw invalid("maxSession", value, "must be at least 1");
        }
        return value;
    }

    private static int maxRedeliveries(Integer value) throws InvalidPropertyException {
        if (value == null) {
            return ConnectionSettings.DEFAULT_MAX_REDELIVERIES;
        }
        if (value < 0) {
            throw invalid("maxRedeliveries", value, "must not be negative");
        }
        return value;
    }

    /**
     * Where a new consumer group starts: the Messaging semantics decide (a queue's group from its
     * first message, a subscription from the end as it is when it begins), so the one value that
     * agrees is accepted and the others refused rather than ignored.
     */
    private static void consumeFromWhere(String value, boolean topic) throws InvalidPropertyException {
        String given = blankAsNull(value);
        if (given == null) {
            return;
        }
        String upper = given.toUpperCase(Locale.ROOT);
        if (!upper.equals(FIRST_OFFSET) && !upper.equals(LAST_OFFSET) && !upper.equals(TIMESTAMP)) {
            throw invalid("consumeFromWhere", value, "not " + FIRST_OFFSET + ", " + LAST_OFFSET + " or " + TIMESTAMP);
        }
        String supported = topic ? LAST_OFFSET : FIRST_OFFSET;
        if (!upper.equals(supported)) {
            throw invalid("consumeFromWhere", value, "a " + (topic ? "topic subscription" : "queue")
                    + " starts at " + supported + " (the other positions are not supported)");
        }
    }

    private static String nameServers(BolideActivationSpec spec, Lookup lookup) throws InvalidPropertyException {
        String override = blankAsNull(spec.getNamesrvAddr());
        if (override != null) {
            try {
                return new ConnectionSettings(override, null, ConnectionSettings.DEFAULT_REQUEST_TIMEOUT, 0).nameServers();
            } catch (IllegalArgumentException e) {
                throw invalid("namesrvAddr", spec.getNamesrvAddr(), e.getMessage());
            }
        }
        String factoryName = blankAsNull(spec.getConnectionFactoryLookup());
        if (factoryName == null || lookup == null) {
            return null;
        }
        Object found = resolve("connectionFactoryLookup", factoryName, lookup);
        if (found instanceof BolideConnectionFactory factory) {
            return factory.getNameServers();
        }
        if (found instanceof ContainerConnectionFactory factory) {
            try {
                return factory.nameServers();
            } catch (ResourceException e) {
                throw invalid("connectionFactoryLookup", factoryName, e.getMessage());
            }
        }
        throw invalid("connectionFactoryLookup", factoryName, "names a " + found.getClass().getName()
                + ", not a Bolide connection factory (the adapter's or dev.bolide.client.jms.BolideConnectionFactory)");
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static InvalidPropertyException invalid(String property, Object value, String why) {
        return new InvalidPropertyException("Bolide activation: property " + property + " = '" + value + "': " + why);
    }
}
