package dev.bolide.protocol.selector;

/**
 * {@code left + right} and its siblings (Jakarta Messaging only), with Java's numeric promotion: two
 * Integers give an Integer, a Long makes it a Long, a Double a Double; integers overflow as in Java.
 * An operand that is unknown or not a number, and an integer division by zero, give unknown.
 */
record Arithmetic(Expression left, Operator operator, Expression right) implements Expression {
    enum Operator {
        ADD, SUBTRACT, MULTIPLY, DIVIDE
    }

    @Override
    public Object evaluate(SelectorContext message) {
        if (!(left.evaluate(message) instanceof Number leftNumber)
                || !(right.evaluate(message) instanceof Number rightNumber)) {
            return null;
        }
        if (leftNumber instanceof Double || rightNumber instanceof Double) {
            return apply(leftNumber.doubleValue(), rightNumber.doubleValue());
        }
        if (operator == Operator.DIVIDE && rightNumber.longValue() == 0) {
            return null;
        }
        long result = apply(leftNumber.longValue(), rightNumber.longValue());
        if (leftNumber instanceof Long || rightNumber instanceof Long) {
            return result;
        }
        // the low 32 bits of a long +, -, * or / of two ints are the int result, overflow included
        return (int) result;
    }

    private Double apply(double a, double b) {
        return switch (operator) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
        };
    }

    private long apply(long a, long b) {
        return switch (operator) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
        };
    }
}
