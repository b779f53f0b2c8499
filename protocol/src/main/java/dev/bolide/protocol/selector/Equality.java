package dev.bolide.protocol.selector;


/** {@code left = right} (and, wrapped in {@link Not}, {@code <>}), decided by the dialect's rules. */
record Equality(Expression left, Expression right, ValueRules rules) implements Condition {
    @Override
    public Boolean evaluate(SelectorContext message) {
        Object leftValue = left.evaluate(message);
        Object rightValue = right.evaluate(message);
        return rules.equal(leftValue, rightValue);
    }
}
