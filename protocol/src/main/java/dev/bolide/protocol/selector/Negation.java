package dev.bolide.protocol.selector;


/** Unary minus. Only numbers have a negation; for anything else (a property's string) it is unknown. */
record Negation(Expression operand) implements Expression {
    /**
     * The negation of {@code operand}, computed now when it is a number literal: the parser's
     * {@code -5} is then a literal like {@code 5}, and evaluating it allocates nothing.
     */
    static Expression of(Expression operand) {
        if (operand instanceof Literal literal && literal.value() instanceof Number number) {
            return new Literal(negate(number));
        }
        return new Negation(operand);
    }

    @Override
    public Object evaluate(SelectorContext message) {
        return operand.evaluate(message) instanceof Number number ? negate(number) : null;
    }

    /**
     * Numbers are Integer, Long or Double. A literal is never Integer.MIN_VALUE (2147483648 is a Long);
     * a JMS property can be, and its negation overflows to itself, as in Java.
     */
    private static Number negate(Number number) {
        if (number instanceof Integer value) {
            return -value;
        }
        if (number instanceof Long value) {
            return -value;
        }
        return -number.doubleValue();
    }
}
