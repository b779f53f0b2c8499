package dev.bolide.protocol.selector;

import java.util.Map;
import java.util.Set;

/** {@code property IN ('s1', ...)}: whether the property equals one of the strings; unknown when it is missing. */
record InList(String property, Set<String> values) implements Condition {
    InList {
        values = Set.copyOf(values);
    }

    @Override
    public Boolean evaluate(Map<String, String> properties) {
        String value = properties.get(property);
        return value == null ? null : values.contains(value);
    }
}
