package dev.bolide.protocol.jms;

import dev.bolide.protocol.message.PropertyKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The RocketMQ properties that carry a JMS message's headers and typed properties. RocketMQ
 * properties are strings: a JMS property is stored as its value's {@code toString()}, and
 * {@link #TYPES} lists the properties that are not Strings as {@code name:code} pairs separated by
 * {@code ,}, with codes {@code Z} boolean, {@code B} byte, {@code S} short, {@code I} int, {@code J}
 * long, {@code F} float and {@code D} double. A property missing from the list is a String.
 */
public final class JmsWireProperties {
    /**
     * The JMS body type of a message Bolide's JMS client sent: {@code NONE}, {@code TEXT},
     * {@code BYTES}, {@code MAP}, {@code STREAM} or {@code OBJECT}.
     */
    public static final String BODY_TYPE = "BOLIDE_JMS_BODY";
    /** The types of the non-String JMS properties. */
    public static final String TYPES = "BOLIDE_JMS_TYPES";
    /**
     * The String properties whose value is empty, joined by {@code ,}: RocketMQ's property encoding
     * drops empty values, so they travel by name only.
     */
    public static final String EMPTY_STRINGS = "BOLIDE_JMS_EMPTY";
    /** {@code JMSCorrelationID}. */
    public static final String CORRELATION_ID = "JMS_CORRELATION_ID";
    /** {@code JMSPriority}, an int; 4 when absent. */
    public static final String PRIORITY = "JMS_PRIORITY";
    /** {@code JMSDeliveryMode}: {@code PERSISTENT} (the default, when absent) or {@code NON_PERSISTENT}. */
    public static final String DELIVERY_MODE = "JMS_DELIVERY_MODE";
    /** The JMS default priority. */
    public static final int DEFAULT_PRIORITY = 4;
    /** The JMS default delivery mode. */
    public static final String PERSISTENT = "PERSISTENT";

    private JmsWireProperties() {
    }

    /** The type codes of {@code types} (a {@link #TYPES} value, or {@code null}) by property name. */
    public static Map<String, Character> typeCodes(String types) {
        Map<String, Character> codes = new HashMap<>();
        if (types == null) {
            return codes;
        }
        for (String pair : types.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon > 0 && colon == pair.length() - 2) {
                codes.put(pair.substring(0, colon), pair.charAt(colon + 1));
            }
        }
        return codes;
    }

    /**
     * {@code JMSType}: the {@code TAGS} property, or {@code ""} when the list of empty strings names
     * {@code TAGS} (RocketMQ drops an empty tag), or null.
     */
    public static String type(Map<String, String> properties) {
        String tags = properties.get(PropertyKeys.TAGS);
        if (tags != null) {
            return tags;
        }
        return emptyStrings(properties.get(EMPTY_STRINGS)).contains(PropertyKeys.TAGS) ? "" : null;
    }

    /** The names {@code list} (an {@link #EMPTY_STRINGS} value, or {@code null}) holds. */
    public static Set<String> emptyStrings(String list) {
        return list == null ? Set.of() : Set.of(list.split(","));
    }

    /**
     * The typed value of a property stored as {@code text} with type {@code code} ({@code null} for a
     * String), or {@code null} when the text is not a value of that type (a corrupt message).
     */
    public static Object typedValue(String text, Character code) {
        if (code == null) {
            return text;
        }
        try {
            return switch (code) {
                case 'Z' -> parseBoolean(text);
                case 'B' -> Byte.valueOf(text);
                case 'S' -> Short.valueOf(text);
                case 'I' -> Integer.valueOf(text);
                case 'J' -> Long.valueOf(text);
                case 'F' -> Float.valueOf(text);
                case 'D' -> Double.valueOf(text);
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Exactly {@code true} or {@code false}, as {@code Boolean.toString} writes them. */
    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
