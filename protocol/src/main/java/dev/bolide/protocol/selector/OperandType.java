package dev.bolide.protocol.selector;

/**
 * What the parser knows of an operand's type before any message is seen: literals, conditions and
 * arithmetic have one; a property's depends on the message.
 */
enum OperandType {
    BOOLEAN("a boolean"), NUMBER("a number"), STRING("a string"), UNKNOWN("of the message's type");

    private final String description;

    OperandType(String description) {
        this.description = description;
    }

    static OperandType of(Expression operand) {
        if (operand instanceof BooleanLiteral literal) {
            return literal.value() == null ? UNKNOWN : BOOLEAN;
        }
        if (operand instanceof Condition) {
            return BOOLEAN;
        }
        if (operand instanceof Literal literal) {
            return literal.value() instanceof String ? STRING : NUMBER;
        }
        return operand instanceof Property ? UNKNOWN : NUMBER; // arithmetic and negation
    }

    /** Whether values of this type and {@code other} can never be equal: both known, and different. */
    boolean neverEquals(OperandType other) {
        return this != UNKNOWN && other != UNKNOWN && this != other;
    }

    String description() {
        return description;
    }
}
