package dev.bolide.client.jms.mapping;

import jakarta.jms.MessageFormatException;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

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
        try {
            return switch (code) {
                case 'Z' -> Boolean.valueOf(text);
                case 'B' -> Byte.valueOf(text);
                case 'S' -> Short.valueOf(text);
                case 'I' -> Integer.valueOf(text);
                case 'J' -> Long.valueOf(text);
                case 'F' -> Float.valueOf(text);
                case 'D' -> Double.valueOf(text);
                default -> throw new MessageFormatException("unknown property type code " + code);
            };
        } catch (NumberFormatException e) {
            throw new MessageFormatException("property value " + text + " is not of type " + code);
        }
    }

    private static Character codeOf(Object value) {
        if (value instanceof Boolean) {
            return 'Z';
        }
        if (value instanceof Byte) {
            return 'B';
        }
        if (value instanceof Short) {
            return 'S';
        }
        if (value instanceof Integer) {
            return 'I';
        }
        if (value instanceof Long) {
            return 'J';
        }
        if (value instanceof Float) {
            return 'F';
        }
        return value instanceof Double ? 'D' : null;
    }
}
