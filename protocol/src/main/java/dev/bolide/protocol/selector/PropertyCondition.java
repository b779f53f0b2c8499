package dev.bolide.protocol.selector;

import java.util.Map;

/**
 * A bare property name used as a condition, as in {@code a AND b}. RocketMQ 4.9 makes it TRUE only
 * for a Boolean TRUE value; property values are strings, so it is FALSE when the property is present
 * (even {@code "true"}) and unknown when it is missing.
 */
record PropertyCondition(String name) implements Condition {
    @Override
    public Boolean evaluate(Map<String, String> properties) {
        return properties.get(name) == null ? null : Boolean.FALSE;
    }
}
