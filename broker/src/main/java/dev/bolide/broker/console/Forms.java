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
}
