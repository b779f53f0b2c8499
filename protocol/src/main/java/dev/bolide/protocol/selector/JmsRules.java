package dev.bolide.protocol.selector;

/**
 * Jakarta Messaging's rules (3.1, section 3.8.1.2): numbers compare after Java's numeric promotion;
 * strings and booleans compare only with their own type and only for equality. Comparing values of
 * different types is unknown rather than an error. The specification calls it false; unknown is
 * what makes {@code a <> 1} (which is {@code NOT a = 1}) false as well when {@code a} is a string.
 */
enum JmsRules implements ValueRules {
    INSTANCE;

    @Override
    public Boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return null;
        }
        if (left instanceof Number number && right instanceof Number other) {
            return ValueComparison.compareNumbers(number, other) == 0;
        }
        if (left.getClass() != right.getClass()) {
            return null;
        }
        return left.equals(right);
    }

    @Override
    public Integer order(Object left, Object right) {
        if (left instanceof Number number && right instanceof Number other) {
            return ValueComparison.compareNumbers(number, other);
        }
        return null;
    }

    /** Only a boolean property is a condition; any other type is unknown. */
    @Override
    public Boolean truth(Object value) {
        return value instanceof Boolean truth ? truth : null;
    }
}
