package dev.bolide.broker.admin;

import java.util.Optional;

/**
 * The text of one top-level field's value in a JSON object written by fastjson, which may use
 * objects as map keys ({@code {{"topic":"T",...}:5}}) where no JSON parser can go: the value is
 * found by matching brackets and skipping strings, and handed on as it is.
 */
final class RawJsonField {
    private RawJsonField() {
    }

    /** The raw value of {@code field} in the top-level object {@code json}; empty when absent. */
    static Optional<String> value(String json, String field) {
        String key = "\"" + field + "\"";
        int depth = 0;
        for (int at = 0; at < json.length(); at++) {
            char c = json.charAt(at);
            if (c == '"') {
                int end = endOfString(json, at);
                if (depth == 1 && json.startsWith(key, at) && json.startsWith(":", skipSpace(json, end))) {
                    int start = skipSpace(json, skipSpace(json, end) + 1);
                    return Optional.of(json.substring(start, endOfValue(json, start)));
                }
                at = end - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return Optional.empty();
    }

    /** The index just past the string starting at {@code quote}. */
    private static int endOfString(String json, int quote) {
        int at = quote + 1;
        while (at < json.length() && json.charAt(at) != '"') {
            at += json.charAt(at) == '\\' ? 2 : 1;
        }
        return at + 1;
    }

    private static int skipSpace(String json, int at) {
        while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The index just past the value starting at {@code start}: a string, a bracketed value or a scalar. */
    private static int endOfValue(String json, int start) {
        if (json.charAt(start) == '"') {
            return endOfString(json, start);
        }
        int depth = 0;
        for (int at = start; at < json.length(); at++) {
            char c = json.charAt(at);
            if (c == '"') {
                at = endOfString(json, at) - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return at;
                }
                depth--;
                if (depth == 0) {
                    return at + 1;
                }
            } else if (c == ',' && depth == 0) {
                return at;
            }
        }
        return json.length();
    }
}
