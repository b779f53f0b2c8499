package dev.bolide.protocol.message;

import java.util.HashMap;
import java.util.Map;

/**
 * The property string of a message: {@code name 0x01 value 0x02 name 0x01 value}, with no trailing
 * separator. Entries with an empty name or value are dropped on decode, as the RocketMQ client does.
 */
public final class MessageProperties {
    public static final char NAME_VALUE_SEPARATOR = '\u0001';
    public static final char PROPERTY_SEPARATOR = '\u0002';

    private MessageProperties() {
    }

    public static String encode(Map<String, String> properties) {
        StringBuilder out = new StringBuilder(properties.size() * 16);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append(PROPERTY_SEPARATOR);
            }
            out.append(e.getKey()).append(NAME_VALUE_SEPARATOR).append(e.getValue());
        }
        return out.toString();
    }

    public static Map<String, String> decode(String properties) {
        Map<String, String> map = new HashMap<>();
        int start = 0;
        int length = properties.length();
        while (start < length) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int split = properties.indexOf(NAME_VALUE_SEPARATOR, start);
            if (split > start && split < end - 1) {
                map.put(properties.substring(start, split), properties.substring(split + 1, end));
            }
            start = end + 1;
        }
        return map;
    }

    /** The value of one property without decoding the whole string; {@code null} when absent. */
    public static String find(String properties, String name) {
        int start = 0;
        int length = properties.length();
        while (start < length) {
            int end = properties.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int split = start + name.length();
            if (split < end - 1 && properties.charAt(split) == NAME_VALUE_SEPARATOR
                    && properties.startsWith(name, start)) {
                return properties.substring(split + 1, end);
            }
            start = end + 1;
        }
        return null;
    }
}
