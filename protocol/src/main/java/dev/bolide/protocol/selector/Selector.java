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
 * As 4.9, it refuses a TRUE or FALSE literal equaled to a string or number literal on its right
 * ({@code TRUE = 0}), numbers with a leading zero and hexadecimal numbers.
 * Bolide rejects text after a complete expression instead, since it is almost certainly a mistake;
 * such a subscription fails with SUBSCRIPTION_PARSE_FAILED rather than silently receiving nothing.
 * Bolide also rejects empty expressions and bounds an expression to {@link #MAX_LENGTH} characters
 * and {@link #MAX_NESTING} levels of nesting, so that no input can exhaust a thread's stack.
 *
 * <h2>The Jakarta Messaging dialect (a Bolide extension of the broker)</h2>
 * The message selectors of Jakarta Messaging 3.1 (section 3.8.1): SQL92's conditions plus
 * arithmetic ({@code + - * /}), {@code [NOT] LIKE 'pattern' [ESCAPE 'c']}, and NOT applying to a
 * whole comparison. Values are typed, with no conversion between types: numbers compare with numbers
 * (after Java's promotion), strings and booleans only with {@code =} and {@code <>} against their own
 * type, and any other comparison is unknown, never an error. Identifiers are the message's typed
 * properties and the headers JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp,
 * JMSCorrelationID and JMSType; naming another JMS header is a syntax error. Numbers are written as
 * in Java: octal ({@code 035}) and hexadecimal ({@code 0x1d}) too, {@code L}, {@code F} and {@code D}
 * suffixes, {@code -9223372036854775808L}. An empty (or null) selector selects every message. When
 * compiling, the checks that catch mistakes in both dialects apply (a string ordered with {@code >},
 * IN with other than string literals, a condition where a value is needed...), and an equality of
 * operands whose types are known to differ ({@code TRUE = 0}) is a type error; reversed BETWEEN bounds
 * are allowed (the range is empty).
 *
 * <p>A selector is immutable and may be shared by any number of threads.
 */
public final class Selector {
    /** Longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** Deepest nesting of parentheses, unary operators and chained comparisons accepted. */
    public static final int MAX_NESTING = 256;

    private final String expression;
    private final Dialect dialect;
    private final Condition condition;

    private Selector(String expression, Dialect dialect, Condition condition) {
        this.expression = expression;
        this.dialect = dialect;
        this.condition = condition;
    }

    /**
     * Compiles an expression of RocketMQ 4.9's SQL92 dialect ({@code MessageSelector.bySql}).
     *
     * @throws SelectorSyntaxException when the expression is not a valid selector
     */
    public static Selector compileSql92(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new Selector(expression, Dialect.SQL92, Parser.parse(expression, Dialect.SQL92));
    }

    /**
     * Compiles a Jakarta Messaging message selector; {@code null} and blank select every message.
     *
     * @throws SelectorSyntaxException when the expression is not a valid selector (the JMS client turns
     *         it into an {@code InvalidSelectorException})
     */
    public static Selector compileJms(String expression) {
        if (expression == null || expression.isBlank()) {
            return new Selector(expression == null ? "" : expression, Dialect.JMS, BooleanLiteral.TRUE);
        }
        return new Selector(expression, Dialect.JMS, Parser.parse(expression, Dialect.JMS));
    }

    /** The expression as it was given to compile. */
    public String expression() {
        return expression;
    }

    /**
     * Whether a message with these wire properties is selected; for a JMS selector JMSTimestamp is
     * unknown. See {@link #matches(Map, long)}.
     */
    public boolean matches(Map<String, String> properties) {
        return matches(dialect.reader().read(properties, null));
    }

    /**
     * Whether a message with these wire properties (RocketMQ's strings) and this born timestamp
     * (milliseconds) is selected. A JMS selector reads the typed properties and headers the JMS client
     * encodes in them ({@link dev.bolide.protocol.jms.JmsWireProperties}), JMSTimestamp being the born
     * timestamp; an SQL92 selector ignores the timestamp.
     */
    public boolean matches(Map<String, String> properties, long bornTimestamp) {
        return matches(dialect.reader().read(properties, bornTimestamp));
    }

    /** Whether a message whose identifiers have these values is selected: only when the selector evaluates to TRUE. */
    public boolean matches(SelectorContext message) {
        try {
            return Boolean.TRUE.equals(condition.evaluate(message));
        } catch (EvaluationException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return expression;
    }
}
