package dev.bolide.protocol.selector;


/** A string or number literal: a String, Integer, Long or Double. */
record Literal(Object value) implements Expression {
    @Override
    public Object evaluate(SelectorContext message) {
        return value;
    }
}
