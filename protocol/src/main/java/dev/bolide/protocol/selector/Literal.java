package dev.bolide.protocol.selector;

import java.util.Map;

/** A string or number literal: a String, Integer, Long or Double. */
record Literal(Object value) implements Expression {
    @Override
    public Object evaluate(Map<String, String> properties) {
        return value;
    }
}
