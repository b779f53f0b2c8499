package dev.bolide.protocol.selector;

import java.util.Map;

/**
 * What a condition evaluates to for some properties. {@link Selector#matches} only says whether it
 * is TRUE; wrapping the condition tells the rest apart: {@code NOT (c)} is TRUE only when c is FALSE,
 * and {@code (c) IS NULL} is TRUE when c is unknown but fails, like c, on an evaluation error.
 */
enum Outcome {
    TRUE, FALSE, UNKNOWN, ERROR;

    /** {@code condition} must not be a bare property: {@code (a) IS NULL} tests the property itself. */
    static Outcome of(String condition, Map<String, String> properties) {
        if (Selector.compileSql92(condition).matches(properties)) {
            return TRUE;
        }
        if (Selector.compileSql92("NOT (" + condition + ")").matches(properties)) {
            return FALSE;
        }
        if (Selector.compileSql92("(" + condition + ") IS NULL").matches(properties)) {
            return UNKNOWN;
        }
        return ERROR;
    }
}
