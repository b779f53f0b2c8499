package dev.bolide.protocol.selector;

/** RocketMQ 4.9's rules: see {@link ValueComparison}, and the asymmetric unknowns of {@link #equal}. */
enum Sql92Rules implements ValueRules {
    INSTANCE;

    /** Unknown when only the left side is unknown, FALSE when only the right side is, TRUE when both are. */
    @Override
    public Boolean equal(Object left, Object right) {
        if (left == null) {
            return right == null ? Boolean.TRUE : null;
        }
        if (right == null) {
            return Boolean.FALSE;
        }
        return ValueComparison.equal(left, right);
    }

    @Override
    public Integer order(Object left, Object right) {
        return ValueComparison.order(left, right);
    }

    /** 4.9 takes only a Boolean TRUE for TRUE; property values are strings, so a present one is FALSE. */
    @Override
    public Boolean truth(Object value) {
        return value == null ? null : Boolean.TRUE.equals(value);
    }
}
