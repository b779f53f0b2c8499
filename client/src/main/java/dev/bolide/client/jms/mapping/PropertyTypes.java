package dev.bolide.client.jms.mapping;

import jakarta.jms.MessageFormatException;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The {@code BOLIDE_JMS_TYPES} property: RocketMQ property values are strings (so native consumers
 * and the broker's selector read them as they are), and this list restores the Java type of the
 * others as {@code name:code} pairs joined by {@code ,}. Codes: {@code Z} boolean, {@code B} byte,
 * {@code S} short, {@code I} int, {@code J} long, {@code F} float, {@code D} double; a property not
 * listed is a String. The broker-side selector engine reads the same list.
 */
public final class PropertyTypes {
    private PropertyTypes() {
    }

    /** The list for these property values; {@code null} when all of them are strings. */
    public static String encode(Map<String, Object> properties) {
        StringJoiner list = new StringJoiner(",");
        properties.forEach((name, value) -> {
            Character code = codeOf(value);
            if (code != null) {
                list.add(name + ":" + code);
            }
        });
        return list.length() == 0 ? null : list.toString();
    }

    /** Names to codes; malformed pairs are skipped (the values then read as strings). */
    public static Map<String, Character> decode(String list) {
        Map<String, Character> codes = new HashMap<>();
        if (list == null) {
            return codes;
        }
        for (String pair : list.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon > 0 && colon == pair.length() - 2) {
                codes.put(pair.substring(0, colon), pair.charAt(colon + 1));
            }
        }
        return codes;
    }

    /** The typed value of a property's text. */
    public static Object parse(String text, char code) throws MessageFormatException {
        for (Type type : Type.values()) {
            if (type.code == code) {
                return type.parse(text);
            }
        }
        throw new MessageFormatException("unknown property type code " + code);
    }

    private static Character codeOf(Object value) {
        for (Type type : Type.values()) {
            if (type.javaType.isInstance(value)) {
                return type.code;
            }
        }
        return null;
    }

    /** One row of the code table: code, Java type and how its text is read back. */
    private enum Type {
        BOOLEAN('Z', Boolean.class, Boolean::valueOf),
        BYTE('B', Byte.class, Byte::valueOf),
        SHORT('S', Short.class, Short::valueOf),
        INT('I', Integer.class, Integer::valueOf),
        LONG('J', Long.class, Long::valueOf),
        FLOAT('F', Float.class, Float::valueOf),
        DOUBLE('D', Double.class, Double::valueOf);

        private final char code;
        private final Class<?> javaType;
        private final Function<String, Object> parser;

        Type(char code, Class<?> javaType, Function<String, Object> parser) {
            this.code = code;
            this.javaType = javaType;
            this.parser = parser;
        }

        Object parse(String text) throws MessageFormatException {
            try {
                return parser.apply(text);
            } catch (NumberFormatException e) {
                throw new MessageFormatException("property value " + text + " is not a " + name());
            }
        }
    }
}
