package dev.bolide.protocol.selector;

import java.util.Map;

/** What a JMS condition evaluates to for some typed values, told apart as {@link Outcome} does for SQL92. */
final class JmsOutcome {
    private JmsOutcome() {
    }

    static Outcome of(String condition, Map<String, ?> values) {
        SelectorContext message = values::get;
        if (Selector.compileJms(condition).matches(message)) {
            return Outcome.TRUE;
        }
        if (Selector.compileJms("NOT (" + condition + ")").matches(message)) {
            return Outcome.FALSE;
        }
        if (Selector.compileJms("(" + condition + ") IS NULL").matches(message)) {
            return Outcome.UNKNOWN;
        }
        return Outcome.ERROR;
    }
}
