package dev.bolide.client.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The type-conversion table of the specification (section 3.5.4 for properties, 3.11.3 for
 * {@code MapMessage} and {@code StreamMessage} values): widening between integral types and from
 * float to double, String to anything through {@code valueOf} (so a null value behaves as
 * {@code valueOf(null)}), anything but {@code byte[]} to String, and nothing else.
 */
public final class ValueConversion {
    private ValueConversion() {
    }

    public static boolean toBoolean(Object value) throws MessageFormatException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Boolean.valueOf((String) value);
        }
        throw cannotConvert(value, "boolean");
    }

    public static byte toByte(Object value) throws MessageFormatException {
        if (value instanceof Byte b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Byte.valueOf((String) value);
        }
        throw cannotConvert(value, "byte");
    }

    public static short toShort(Object value) throws MessageFormatException {
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).shortValue();
        }
        if (value == null || value instanceof String) {
            return Short.valueOf((String) value);
        }
        throw cannotConvert(value, "short");
    }

    public static int toInt(Object value) throws MessageFormatException {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value == null || value instanceof String) {
            return Integer.valueOf((String) value);
        }
        throw cannotConvert(value, "int");
    }

    public static long toLong(Object value) throws MessageFormatException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value == null || value instanceof String) {
            return Long.valueOf((String) value);
        }
        throw cannotConvert(value, "long");
    }

    public static float toFloat(Object value) throws MessageFormatException {
        if (value instanceof Float f) {
            return f;
        }
        if (value == null || value instanceof String) {
            return Float.valueOf((String) value);
        }
        throw cannotConvert(value, "float");
    }

    public static double toDouble(Object value) throws MessageFormatException {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value == null || value instanceof String) {
            return Double.valueOf((String) value);
        }
        throw cannotConvert(value, "double");
    }

    /** A null char has no {@code valueOf}: the specification asks for a NullPointerException. */
    public static char toChar(Object value) throws MessageFormatException {
        if (value instanceof Character c) {
            return c;
        }
        if (value == null) {
            throw new NullPointerException("null cannot be read as a char");
        }
        throw cannotConvert(value, "char");
    }

    public static String toText(Object value) throws MessageFormatException {
        if (value instanceof byte[]) {
            throw cannotConvert(value, "String");
        }
        return value == null ? null : value.toString();
    }

    public static byte[] toBytes(Object value) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw cannotConvert(value, "byte[]");
    }

    private static MessageFormatException cannotConvert(Object value, String target) {
        return new MessageFormatException(
                "a " + value.getClass().getSimpleName() + " value cannot be read as " + target);
    }
}
