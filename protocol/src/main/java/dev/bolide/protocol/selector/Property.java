package dev.bolide.protocol.selector;

import java.util.Map;

/** A message property, looked up by its exact (case-sensitive) name; missing means unknown. */
record Property(String name) implements Expression {
    @Override
    public Object evaluate(Map<String, String> properties) {
        return properties.get(name);
    }
}
