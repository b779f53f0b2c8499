package dev.bolide.protocol.selector;

/**
 * RocketMQ 4.9's rules for comparing two known values. Property values are strings, literals are
 * strings, numbers (Integer, Long, Double) or booleans; conditions give booleans.
 *
 * <ul>
 *   <li>Two numbers: the narrower is widened (Integer to Long to Double).
 *   <li>A string and a number: the string is parsed as a number of the other's type, so {@code "10"}
 *       equals both {@code 10} and {@code 10.0} but {@code "10.5"} against {@code 10} cannot be
 *       compared. A string that does not parse is an evaluation error.
 *   <li>A string and a boolean: the string is TRUE when it is {@code "true"} in any case, FALSE
 *       otherwise (never an error).
 *   <li>Two strings are equal only when identical; ordered, both are parsed as doubles.
 * </ul>
 */
final class ValueComparison {
    private ValueComparison() {
    }

    static boolean equal(Object left, Object right) {
        if (left.equals(right)) {
            return true;
        }
        if (left instanceof Number number && right instanceof Number other) {
            return compareNumbers(number, other) == 0;
        }
        if (left instanceof String text && right instanceof Number number) {
            return compareText(text, number) == 0;
        }
        if (left instanceof Number number && right instanceof String text) {
            return compareText(text, number) == 0;
        }
        if (left instanceof String text && right instanceof Boolean truth) {
            return Boolean.parseBoolean(text) == truth;
        }
        if (left instanceof Boolean truth && right instanceof String text) {
            return Boolean.parseBoolean(text) == truth;
        }
        // different strings, different booleans, a boolean and a number
        return false;
    }

    /**
     * Negative, zero or positive as {@code left} is less than, equal to or greater than {@code right}.
     * The parser lets only numbers and properties be ordered, so no boolean reaches here.
     */
    static int order(Object left, Object right) {
        if (left instanceof Number number && right instanceof Number other) {
            return compareNumbers(number, other);
        }
        if (left instanceof String text && right instanceof Number number) {
            return compareText(text, number);
        }
        if (left instanceof Number number && right instanceof String text) {
            return -compareText(text, number);
        }
        if (left instanceof String text && right instanceof String other) {
            return Double.compare(parseDouble(text), parseDouble(other));
        }
        throw new EvaluationException("cannot order " + left + " and " + right);
    }

    static int compareNumbers(Number left, Number right) {
        if (left instanceof Double || right instanceof Double) {
            return Double.compare(left.doubleValue(), right.doubleValue());
        }
        return Long.compare(left.longValue(), right.longValue());
    }

    /** Compares {@code text} parsed as a number of {@code number}'s type with {@code number}. */
    private static int compareText(String text, Number number) {
        if (number instanceof Double) {
            return Double.compare(parseDouble(text), number.doubleValue());
        }
        try {
            long parsed = number instanceof Integer ? Integer.parseInt(text) : Long.parseLong(text);
            return Long.compare(parsed, number.longValue());
        } catch (NumberFormatException e) {
            String type = number instanceof Integer ? "an int" : "a long";
            throw new EvaluationException("'" + text + "' is not " + type + " to compare with " + number);
        }
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EvaluationException("'" + text + "' is not a number");
        }
    }
}
