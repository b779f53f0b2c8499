package dev.bolide.protocol.selector;


/**
 * {@code left > right} and its siblings: unknown when either side is unknown, else the order of the
 * two values by the dialect's rules. As in RocketMQ 4.9, an unknown left side is decided
 * without evaluating the right side.
 */
record Ordering(Expression left, Operator operator, Expression right, ValueRules rules) implements Condition {
    enum Operator {
        LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

        /** Whether the operator holds for two values whose comparison gave {@code order}. */
        boolean holds(int order) {
            return switch (this) {
                case LESS -> order < 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER -> order > 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }
    }

    @Override
    public Boolean evaluate(SelectorContext message) {
        Object leftValue = left.evaluate(message);
        if (leftValue == null) {
            return null;
        }
        Object rightValue = right.evaluate(message);
        if (rightValue == null) {
            return null;
        }
        Integer order = rules.order(leftValue, rightValue);
        return order == null ? null : operator.holds(order);
    }
}
