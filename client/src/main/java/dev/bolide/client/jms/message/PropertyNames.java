package dev.bolide.client.jms.message;

import jakarta.jms.MessageFormatException;
import java.util.Locale;
import java.util.Set;

/**
 * Which names a client may give a property. Besides the specification's rules (a Java identifier,
 * not a selector keyword, {@code JMS} prefixes reserved), names RocketMQ keeps for itself are
 * refused rather than escaped: a refused name is visible at once, an escaped one would surprise
 * the native RocketMQ consumers that read the same messages.
 */
public final class PropertyNames {
    /** The only JMSX properties a client sets; the others are set by the provider. */
    public static final String GROUP_ID = "JMSXGroupID";
    public static final String GROUP_SEQ = "JMSXGroupSeq";
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    /** Prefix of the properties Bolide itself adds to a RocketMQ message. */
    public static final String BOLIDE_PREFIX = "BOLIDE_";
    /** Prefix the specification reserves for provider-specific properties. */
    public static final String PROVIDER_PREFIX = "JMS_";

    private static final Set<String> SELECTOR_KEYWORDS = Set.of("NULL", "TRUE", "FALSE", "NOT",
            "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE");

    /**
     * RocketMQ 4.9 and 5 system property names ({@code MessageConst}); a native producer cannot set
     * them either, and the broker gives them meaning.
     */
    public static final Set<String> ROCKETMQ_SYSTEM_KEYS = Set.of("KEYS", "TAGS", "WAIT", "DELAY",
            "RETRY_TOPIC", "REAL_TOPIC", "REAL_QID", "TRAN_MSG", "PGROUP", "MIN_OFFSET",
            "MAX_OFFSET", "BUYER_ID", "ORIGIN_MESSAGE_ID", "TRANSFER_FLAG", "CORRECTION_FLAG",
            "MQ2_FLAG", "RECONSUME_TIME", "MSG_REGION", "TRACE_ON", "UNIQ_KEY",
            "MAX_RECONSUME_TIMES", "CONSUME_START_TIME", "TRAN_PREPARED_QUEUE_OFFSET",
            "TRANSACTION_CHECK_TIMES", "CHECK_IMMUNITY_TIME_IN_SECONDS", "INSTANCE_ID",
            "CORRELATION_ID", "REPLY_TO_CLIENT", "TTL", "ARRIVE_TIME", "PUSH_REPLY_TIME", "CLUSTER",
            "MSG_TYPE", "__STARTDELIVERTIME", "__SHARDINGKEY", "TIMER_DELIVER_MS",
            "TIMER_DELAY_SEC", "TIMER_DELAY_MS", "TIMER_OUT_MS", "TIMER_ENQUEUE_MS",
            "TIMER_DEQUEUE_MS", "TIMER_ROLL_TIMES", "TIMER_DEL_UNIQKEY", "BORN_HOST",
            "TRACE_CONTEXT", "INNER_MULTI_DISPATCH", "INNER_MULTI_QUEUE_OFFSET");

    private PropertyNames() {
    }

    /** Whether a property of a RocketMQ message belongs to the system or to Bolide. */
    public static boolean isSystemKey(String name) {
        return ROCKETMQ_SYSTEM_KEYS.contains(name) || name.startsWith(BOLIDE_PREFIX)
                || name.startsWith(PROVIDER_PREFIX);
    }

    /** Refuses a name or value a client may not set, as the specification asks. */
    public static void checkSettable(String name, Object value) throws MessageFormatException {
        checkIdentifier(name);
        if (name.startsWith("JMSX")) {
            checkClientJmsx(name, value);
        } else if (name.startsWith("JMS")) {
            throw new IllegalArgumentException("property names starting with JMS are reserved: " + name);
        } else if (isSystemKey(name)) {
            throw new IllegalArgumentException(
                    "property name " + name + " is reserved by RocketMQ or Bolide");
        }
    }

    private static void checkIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a property name must not be null or empty");
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))
                || !name.chars().skip(1).allMatch(Character::isJavaIdentifierPart)) {
            throw new IllegalArgumentException("property name is not a Java identifier: " + name);
        }
        if (SELECTOR_KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("property name is a selector keyword: " + name);
        }
    }

    private static void checkClientJmsx(String name, Object value) throws MessageFormatException {
        if (GROUP_ID.equals(name)) {
            requireType(name, value, String.class);
        } else if (GROUP_SEQ.equals(name)) {
            requireType(name, value, Integer.class);
        } else {
            throw new IllegalArgumentException(name + " is set by the provider, not by a client");
        }
    }

    private static void requireType(String name, Object value, Class<?> type)
            throws MessageFormatException {
        if (value != null && !type.isInstance(value)) {
            throw new MessageFormatException(name + " must be a " + type.getSimpleName());
        }
    }
}
