package dev.bolide.broker.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The fields of a URL-encoded form body or query string ({@code a=1&b=2}); a blank value is absent. */
final class Forms {
    private Forms() {
    }

    static Map<String, String> fields(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded == null) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8).trim();
                if (!value.isEmpty()) {
                    fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), value);
                }
            }
        }
        return fields;
    }

    /**
     * A whole number from 0 in a field, or {@code absent} when the field is.
     *
     * @throws IllegalArgumentException naming the field when it holds something else
     */
    static long number(Map<String, String> fields, String field, long absent) {
        String text = fields.get(field);
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as a negative number
        }
        throw new IllegalArgumentException(field + " must be a whole number from 0, not '" + text + "'");
    }
}
