package dev.bolide.protocol.selector;

import java.util.Map;

/**
 * {@code left = right} (and, wrapped in {@link Not}, {@code <>}), with RocketMQ 4.9's handling of
 * unknown operands: unknown when only the left side is unknown, FALSE when only the right side is,
 * TRUE when both are. Known values are compared by {@link ValueComparison#equal}.
 */
record Equality(Expression left, Expression right) implements Condition {
    @Override
    public Boolean evaluate(Map<String, String> properties) {
        Object leftValue = left.evaluate(properties);
        Object rightValue = right.evaluate(properties);
        if (leftValue == null) {
            return rightValue == null ? Boolean.TRUE : null;
        }
        if (rightValue == null) {
            return Boolean.FALSE;
        }
        return ValueComparison.equal(leftValue, rightValue);
    }
}
