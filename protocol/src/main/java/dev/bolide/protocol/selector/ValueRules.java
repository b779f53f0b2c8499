package dev.bolide.protocol.selector;

/**
 * How a dialect compares two values: the one place where RocketMQ 4.9's SQL92 (strings parsed as
 * numbers and booleans) and Jakarta Messaging (no conversion between types) differ in evaluation.
 * Values are String, Boolean, Integer, Long or Double; {@code null} is unknown.
 */
interface ValueRules {
    /** {@code left = right}: TRUE, FALSE or {@code null} (unknown). Either operand may be unknown. */
    Boolean equal(Object left, Object right);

    /**
     * Negative, zero or positive as {@code left} is less than, equal to or greater than {@code right}, or
     * {@code null} when they cannot be ordered (the comparison is unknown). Neither operand is unknown.
     */
    Integer order(Object left, Object right);

    /** A value used as a condition (a bare property): TRUE, FALSE or {@code null} (unknown). */
    Boolean truth(Object value);
}
