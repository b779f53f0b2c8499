package dev.bolide.protocol.selector;

import java.util.Set;

/** {@code property IN ('s1', ...)}: whether the property equals one of the strings; unknown when it is missing or not a string. */
record InList(String property, Set<String> values) implements Condition {
    InList {
        values = Set.copyOf(values);
    }

    @Override
    public Boolean evaluate(SelectorContext message) {
        Object value = message.get(property);
        // only strings can be IN a list of strings; another type (a JMS int property) is unknown
        return value instanceof String text ? values.contains(text) : null;
    }
}
