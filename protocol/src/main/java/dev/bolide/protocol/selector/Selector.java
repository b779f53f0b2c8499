package dev.bolide.protocol.selector;

import java.util.Map;
import java.util.Objects;

/**
 * A compiled message selector: a condition on a message's properties, which the broker evaluates to
 * decide whether a message is delivered to a subscription.
 *
 * <h2>The SQL92 dialect of RocketMQ 4.9</h2>
 * Conditions combine with AND, OR and NOT; properties compare with {@code = <> > >= < <=},
 * {@code [NOT] BETWEEN ... AND ...}, {@code [NOT] IN ('string', ...)} and {@code IS [NOT] NULL}.
 * Keywords are case-insensitive, property names case-sensitive. Evaluation follows 4.9 exactly: SQL's
 * three-valued logic (a missing property is unknown), a property's string parsed as the number or
 * boolean it is compared with, and an evaluation error (a property that is not a number where one is
 * needed) that stops the whole evaluation. A message matches only when the selector is TRUE; unknown,
 * FALSE and errors do not match.
 *
 * <h2>Stricter than RocketMQ 4.9</h2>
 * 4.9 compiles the longest prefix of the expression that is valid and silently ignores the rest, so
 * {@code a LIKE 'x%'} or {@code a + 1 > 2} compile (as the bare property {@code a}) and never match.
 * Bolide rejects text after a complete expression instead, since it is almost certainly a mistake;
 * such a subscription fails with SUBSCRIPTION_PARSE_FAILED rather than silently receiving nothing.
 * Bolide also rejects empty expressions and bounds an expression to {@link #MAX_LENGTH} characters
 * and {@link #MAX_NESTING} levels of nesting, so that no input can exhaust a thread's stack.
 *
 * <p>A selector is immutable and may be shared by any number of threads.
 */
public final class Selector {
    /** Longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** Deepest nesting of parentheses, unary operators and chained comparisons accepted. */
    public static final int MAX_NESTING = 256;

    private final String expression;
    private final Condition condition;

    private Selector(String expression, Condition condition) {
        this.expression = expression;
        this.condition = condition;
    }

    /**
     * Compiles an expression of RocketMQ 4.9's SQL92 dialect ({@code MessageSelector.bySql}).
     *
     * @throws SelectorSyntaxException when the expression is not a valid selector
     */
    public static Selector compileSql92(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new Selector(expression, Sql92Parser.parse(expression));
    }

    /** The expression as it was given to compile. */
    public String expression() {
        return expression;
    }

    /** Whether a message with these properties is selected: only when the selector evaluates to TRUE. */
    public boolean matches(Map<String, String> properties) {
        try {
            return Boolean.TRUE.equals(condition.evaluate(properties));
        } catch (EvaluationException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return expression;
    }
}
