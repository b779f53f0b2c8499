package dev.bolide.protocol.selector;


/** A bare property name used as a condition, as in {@code a AND b}: its value's truth by the dialect's rules. */
record PropertyCondition(String name, ValueRules rules) implements Condition {
    @Override
    public Boolean evaluate(SelectorContext message) {
        return rules.truth(Property.read(message, name));
    }
}
