package dev.bolide.protocol.selector;

import dev.bolide.protocol.jms.JmsWireProperties;
import dev.bolide.protocol.message.PropertyKeys;
import java.util.Map;
import java.util.Set;

/**
 * A message as a JMS selector sees it, read from its RocketMQ wire properties: typed user properties
 * (see {@link JmsWireProperties}) and the header fields a selector may name, mapped onto the
 * properties that carry them. The type list and the list of empty strings are decoded once, on the
 * first lookup that needs them.
 */
final class JmsMessageContext implements SelectorContext {
    private static final Set<String> HEADERS = Set.of("JMSDeliveryMode", "JMSPriority", "JMSMessageID",
            "JMSTimestamp", "JMSCorrelationID", "JMSType");

    private final Map<String, String> properties;
    private final Long bornTimestamp;
    private Map<String, Character> typeCodes;
    private Set<String> emptyStrings;

    JmsMessageContext(Map<String, String> properties, Long bornTimestamp) {
        this.properties = properties;
        this.bornTimestamp = bornTimestamp;
    }

    /**
     * Why a selector may not name {@code identifier}: only six header fields are selectable (3.8.1.1);
     * JMSX and JMS_ names are properties.
     */
    static String identifierProblem(String identifier) {
        boolean header = identifier.startsWith("JMS") && !identifier.startsWith("JMSX")
                && !identifier.startsWith("JMS_");
        return header && !HEADERS.contains(identifier)
                ? identifier + " is not a header field a selector may name (one of " + HEADERS + ")" : null;
    }

    @Override
    public Object get(String identifier) {
        return switch (identifier) {
            case "JMSType" -> JmsWireProperties.type(properties);
            case "JMSCorrelationID" -> properties.get(JmsWireProperties.CORRELATION_ID);
            case "JMSMessageID" -> messageId();
            case "JMSTimestamp" -> bornTimestamp;
            case "JMSPriority" -> priority();
            case "JMSDeliveryMode" -> properties.getOrDefault(JmsWireProperties.DELIVERY_MODE,
                    JmsWireProperties.PERSISTENT);
            default -> property(identifier);
        };
    }

    private String messageId() {
        String key = properties.get(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID);
        return key == null ? null : "ID:" + key;
    }

    /** Not a conditional expression: {@code ?:} would unbox the Integer of a corrupt priority (null). */
    private Object priority() {
        String text = properties.get(JmsWireProperties.PRIORITY);
        if (text == null) {
            return JmsWireProperties.DEFAULT_PRIORITY;
        }
        return JmsWireProperties.typedValue(text, 'I');
    }

    private Object property(String name) {
        String text = properties.get(name);
        if (text == null) {
            return emptyString(name);
        }
        if (typeCodes == null) {
            typeCodes = JmsWireProperties.typeCodes(properties.get(JmsWireProperties.TYPES));
        }
        return JmsWireProperties.typedValue(text, typeCodes.get(name));
    }

    /** {@code ""} for a property set to the empty string, which the wire carries only by name; else null. */
    private String emptyString(String name) {
        if (emptyStrings == null) {
            emptyStrings = JmsWireProperties.emptyStrings(properties.get(JmsWireProperties.EMPTY_STRINGS));
        }
        return emptyStrings.contains(name) ? "" : null;
    }
}
