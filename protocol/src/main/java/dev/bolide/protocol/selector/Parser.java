package dev.bolide.protocol.selector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for both dialects, one method per rule of the grammar, from the loosest
 * binding to the tightest. RocketMQ 4.9's SQL92 (reference section 7.2) is
 *
 * <pre>
 * selector   := or END
 * or         := and ( OR and )*
 * and        := equality ( AND equality )*
 * equality   := comparison ( '=' comparison | '&lt;&gt;' comparison | IS NULL | IS NOT NULL )*
 * comparison := unary ( ('&gt;' | '&gt;=' | '&lt;' | '&lt;=') unary | [NOT] BETWEEN unary AND unary
 *                     | [NOT] IN '(' string ( ',' string )* ')' )*
 * unary      := '+' unary | '-' unary | NOT unary | primary
 * primary    := string | integer | float | TRUE | FALSE | NULL | identifier | '(' or ')'
 * </pre>
 *
 * Jakarta Messaging (3.1, section 3.8.1.1) moves NOT below AND, so that it applies to a whole
 * comparison, and adds arithmetic between comparisons and unary operators, and LIKE:
 *
 * <pre>
 * and        := not ( AND not )*
 * not        := NOT not | equality
 * comparison := additive ( ...as above, with additive operands... | [NOT] LIKE string [ESCAPE string] )*
 * additive   := multiplicative ( ('+' | '-') multiplicative )*
 * multiplicative := unary ( ('*' | '/') unary )*
 * unary      := '+' unary | '-' unary | primary
 * </pre>
 *
 * <p>While building the tree it makes the checks 4.9 makes when compiling: AND, OR, NOT and the
 * whole selector need conditions (a bare property is accepted as one); {@code > >= < <=} and BETWEEN
 * need operands that can be numbers; {@code =} and {@code <>} refuse NULL; constant BETWEEN bounds
 * must be known and in order; IN needs a property; a TRUE or FALSE literal cannot equal a string or
 * number literal on its right. Unlike 4.9 it requires the end of the input. For Jakarta Messaging it
 * also checks that arithmetic has numeric operands, that LIKE has a property, a string pattern and a
 * one-character escape, that the operands of an equality are not known to be of different types, and
 * that a header identifier is one a selector may name; reversed BETWEEN bounds are allowed there (the
 * range is empty).
 */
final class Parser {
    /** Longest token text quoted in full in an error message. */
    private static final int QUOTED_LENGTH = 40;

    private final String source;
    private final Dialect dialect;
    private final List<Token> tokens;
    private int next;
    private int nesting;

    private Parser(String source, Dialect dialect) {
        this.source = source;
        this.dialect = dialect;
        this.tokens = Lexer.tokenize(source, dialect);
    }

    static Condition parse(String source, Dialect dialect) {
        if (source.length() > Selector.MAX_LENGTH) {
            throw new SelectorSyntaxException("expression is longer than " + Selector.MAX_LENGTH + " characters",
                    Selector.MAX_LENGTH);
        }
        return new Parser(source, dialect).selector();
    }

    private Condition selector() {
        if (peek().type() == TokenType.END) {
            throw new SelectorSyntaxException("expression is empty", peek().position());
        }
        int start = peek().position();
        Expression expression = or();
        Token extra = peek();
        if (extra.type() != TokenType.END) {
            throw new SelectorSyntaxException("unexpected " + extra.describe() + " after a complete expression",
                    extra.position());
        }
        return condition(expression, spanFrom(start));
    }

    private Expression or() {
        return junction(TokenType.OR, this::and, Or::new);
    }

    private Expression and() {
        return junction(TokenType.AND, dialect.jmsGrammar() ? this::logicalNot : this::equality, And::new);
    }

    /** Jakarta Messaging's NOT, which applies to a whole comparison: {@code NOT a > 1} is {@code NOT (a > 1)}. */
    private Expression logicalNot() {
        Token operator = peek();
        if (!accept(TokenType.NOT)) {
            return equality();
        }
        enterNesting(operator.position());
        int operandStart = peek().position();
        Expression operand = logicalNot();
        nesting--;
        return new Not(condition(operand, spanFrom(operandStart)));
    }

    /**
     * {@code operand (keyword operand)*} for AND and OR. A lone operand is returned as it is (it need not be a
     * condition: it may be an operand of a comparison); a chain becomes one node, however long.
     */
    private Expression junction(TokenType keyword, Supplier<Expression> operand,
            Function<List<Condition>, Condition> combine) {
        int start = peek().position();
        Expression first = operand.get();
        if (peek().type() != keyword) {
            return first;
        }
        List<Condition> operands = new ArrayList<>();
        operands.add(condition(first, spanFrom(start)));
        while (accept(keyword)) {
            int operandStart = peek().position();
            operands.add(condition(operand.get(), spanFrom(operandStart)));
        }
        return combine.apply(operands);
    }

    private Expression equality() {
        return leftChain(this::comparison, this::equalityLink);
    }

    /**
     * {@code operand (operator operand)*} for operators that apply to everything on their left, so
     * that {@code a = b = c} is {@code (a = b) = c}. {@code link} applies the next operator, or
     * returns null when none follows.
     */
    private Expression leftChain(Supplier<Expression> operand, BiFunction<Expression, Span, Expression> link) {
        int start = peek().position();
        Expression left = operand.get();
        int links = 0;
        while (true) {
            Token operator = peek();
            Expression linked = link.apply(left, spanFrom(start));
            if (linked == null) {
                nesting -= Math.max(links - 1, 0);
                return left;
            }
            // each operator after the first nests the tree one level deeper, as a parenthesis would
            if (links++ > 0) {
                enterNesting(operator.position());
            }
            left = linked;
        }
    }

    /** {@code left} with the next equality operator applied, or null when no such operator follows. */
    private Expression equalityLink(Expression left, Span leftSpan) {
        Token operator = peek();
        switch (operator.type()) {
            case EQUAL, NOT_EQUAL -> {
                next++;
                int rightStart = peek().position();
                Expression right = comparison();
                Condition equality = equalityOf(left, leftSpan, operator, right, spanFrom(rightStart));
                return operator.type() == TokenType.EQUAL ? equality : new Not(equality);
            }
            case IS -> {
                next++;
                boolean negated = accept(TokenType.NOT);
                expect(TokenType.NULL, negated ? "NULL" : "NULL or NOT NULL");
                return negated ? new Not(new IsNull(left)) : new IsNull(left);
            }
            default -> {
                return null;
            }
        }
    }

    private Equality equalityOf(Expression left, Span leftSpan, Token operator, Expression right, Span rightSpan) {
        requireNotNullLiteral(left, leftSpan, operator);
        requireNotNullLiteral(right, rightSpan, operator);
        requireComparableTypes(left, leftSpan, operator, right, rightSpan);
        return new Equality(left, right, dialect.rules());
    }

    /**
     * Jakarta Messaging compares only values of one type (3.8.1.2), so an equality whose operands'
     * types are known to differ, such as {@code TRUE = 0}, is a mistake the provider must report.
     * RocketMQ 4.9 refuses only a TRUE or FALSE literal on the left of a string or number literal
     * ({@code 0 = TRUE} compiles there, and is FALSE), and so does Bolide's SQL92.
     */
    private void requireComparableTypes(Expression left, Span leftSpan, Token operator, Expression right,
            Span rightSpan) {
        OperandType leftType = OperandType.of(left);
        OperandType rightType = OperandType.of(right);
        boolean mismatch = dialect.jmsGrammar() ? leftType.neverEquals(rightType)
                : left instanceof BooleanLiteral && right instanceof Literal;
        if (mismatch) {
            throw new SelectorSyntaxException(quote(leftSpan) + " (" + leftType.description() + ") cannot be compared"
                    + " with " + operator.describe() + " to " + quote(rightSpan) + " (" + rightType.description()
                    + ")", leftSpan.start());
        }
    }

    /** NULL is never equal to anything in SQL; 4.9 refuses the comparison rather than let it be always unknown. */
    private static void requireNotNullLiteral(Expression operand, Span span, Token operator) {
        if (BooleanLiteral.NULL.equals(operand)) {
            String instead = operator.type() == TokenType.EQUAL ? "IS NULL" : "IS NOT NULL";
            throw new SelectorSyntaxException("NULL cannot be compared with " + operator.describe() + ", use "
                    + instead, span.start());
        }
    }

    private Expression comparison() {
        return leftChain(this::additive, this::comparisonLink);
    }

    /** {@code left} with the next comparison operator applied, or null when no such operator follows. */
    private Expression comparisonLink(Expression left, Span leftSpan) {
        Token operator = peek();
        switch (operator.type()) {
            case GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL -> {
                next++;
                int rightStart = peek().position();
                Expression right = additive();
                return orderingOf(left, leftSpan, operator, orderingOperator(operator), right, spanFrom(rightStart));
            }
            case BETWEEN -> {
                next++;
                return between(left, leftSpan, operator);
            }
            case IN -> {
                next++;
                return in(left, leftSpan);
            }
            case LIKE -> {
                next++;
                return like(left, leftSpan);
            }
            case NOT -> {
                Token keyword = tokens.get(next + 1);
                Condition negated = switch (keyword.type()) {
                    case BETWEEN -> {
                        next += 2;
                        yield between(left, leftSpan, keyword);
                    }
                    case IN -> {
                        next += 2;
                        yield in(left, leftSpan);
                    }
                    case LIKE -> {
                        next += 2;
                        yield like(left, leftSpan);
                    }
                    default -> null;
                };
                return negated == null ? null : new Not(negated);
            }
            default -> {
                return null;
            }
        }
    }

    private static Ordering.Operator orderingOperator(Token operator) {
        return switch (operator.type()) {
            case GREATER -> Ordering.Operator.GREATER;
            case GREATER_OR_EQUAL -> Ordering.Operator.GREATER_OR_EQUAL;
            case LESS -> Ordering.Operator.LESS;
            case LESS_OR_EQUAL -> Ordering.Operator.LESS_OR_EQUAL;
            default -> throw new IllegalArgumentException(operator.describe() + " is not an ordering operator");
        };
    }

    private Ordering orderingOf(Expression left, Span leftSpan, Token operator, Ordering.Operator comparison,
            Expression right, Span rightSpan) {
        requireNumeric(left, leftSpan, operator, " cannot be compared with ");
        requireNumeric(right, rightSpan, operator, " cannot be compared with ");
        return new Ordering(left, comparison, right, dialect.rules());
    }

    /**
     * Only numbers can be ordered or computed with, and property values can be numbers; 4.9 (and
     * Jakarta Messaging) refuse when compiling the operands that never can: string and boolean
     * literals, NULL and conditions. {@code role} says what the operand was meant to be.
     */
    private void requireNumeric(Expression operand, Span span, Token operator, String role) {
        String compared = role + operator.describe();
        boolean neverNumber = operand instanceof BooleanLiteral
                || operand instanceof Literal literal && literal.value() instanceof String;
        if (neverNumber) {
            throw new SelectorSyntaxException(quote(span) + compared + ", only numbers and properties can",
                    span.start());
        }
        if (operand instanceof Condition) {
            // the usual way to get here: NOT binds tighter than comparisons, so NOT a > 1 is (NOT a) > 1
            String hint = operand instanceof Not ? " (NOT applies first; write NOT (...) around the comparison)" : "";
            throw new SelectorSyntaxException("the condition " + quote(span) + compared + hint, span.start());
        }
    }

    /** {@code x BETWEEN low AND high}, which is {@code x >= low AND x <= high}; BETWEEN was just read. */
    private Condition between(Expression value, Span valueSpan, Token keyword) {
        int lowStart = peek().position();
        Expression low = additive();
        Span lowSpan = spanFrom(lowStart);
        expect(TokenType.AND, "AND");
        int highStart = peek().position();
        Expression high = additive();
        Span highSpan = spanFrom(highStart);
        requireKnownBound(low, lowSpan);
        requireKnownBound(high, highSpan);
        Condition range = new And(List.of(
                orderingOf(value, valueSpan, keyword, Ordering.Operator.GREATER_OR_EQUAL, low, lowSpan),
                orderingOf(value, valueSpan, keyword, Ordering.Operator.LESS_OR_EQUAL, high, highSpan)));
        requireBoundsInOrder(low, high, lowSpan);
        return range;
    }

    private static void requireKnownBound(Expression bound, Span span) {
        if (BooleanLiteral.NULL.equals(bound)) {
            throw new SelectorSyntaxException("a bound of BETWEEN cannot be NULL", span.start());
        }
    }

    /** A range whose literal bounds are reversed is empty; 4.9 takes it for a mistake, Jakarta Messaging does not. */
    private void requireBoundsInOrder(Expression low, Expression high, Span lowSpan) {
        if (!dialect.jmsGrammar() && low instanceof Literal lowLiteral && high instanceof Literal highLiteral
                && ValueComparison.order(lowLiteral.value(), highLiteral.value()) > 0) {
            throw new SelectorSyntaxException("the bounds of BETWEEN are reversed: " + lowLiteral.value()
                    + " is greater than " + highLiteral.value(), lowSpan.start());
        }
    }

    /** {@code property IN ('s1', ...)}; IN was just read. */
    private Condition in(Expression left, Span leftSpan) {
        if (!(left instanceof Property property)) {
            throw new SelectorSyntaxException("IN needs a property name on its left, not " + quote(leftSpan),
                    leftSpan.start());
        }
        expect(TokenType.LEFT_PAREN, "'(' after IN");
        Set<String> values = new HashSet<>();
        do {
            values.add((String) expect(TokenType.STRING, "a string literal").value());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RIGHT_PAREN, "',' or ')'");
        return new InList(property.name(), values);
    }

    /**
     * {@code x [NOT] LIKE 'pattern' [ESCAPE 'c']} (Jakarta Messaging); LIKE was just read. Only a
     * property can be matched, and only against a string literal.
     */
    private Condition like(Expression left, Span leftSpan) {
        if (!(left instanceof Property property)) {
            throw new SelectorSyntaxException("LIKE needs a property name on its left, not " + quote(leftSpan),
                    leftSpan.start());
        }
        Token pattern = expect(TokenType.STRING, "a string literal pattern after LIKE");
        Character escape = null;
        if (accept(TokenType.ESCAPE)) {
            Token escapeToken = expect(TokenType.STRING, "a string literal after ESCAPE");
            String text = (String) escapeToken.value();
            if (text.length() != 1) {
                throw new SelectorSyntaxException("the escape character must be one character, not "
                        + escapeToken.describe(), escapeToken.position());
            }
            escape = text.charAt(0);
        }
        try {
            return new Like(property.name(), LikePattern.compile((String) pattern.value(), escape));
        } catch (IllegalArgumentException e) {
            throw new SelectorSyntaxException("bad LIKE pattern " + pattern.describe() + ": " + e.getMessage(),
                    pattern.position());
        }
    }

    /** Sums and differences (Jakarta Messaging); in SQL92, which has no arithmetic, just a unary expression. */
    private Expression additive() {
        return dialect.jmsGrammar() ? leftChain(this::multiplicative, this::additiveLink) : unary();
    }

    private Expression additiveLink(Expression left, Span leftSpan) {
        return switch (peek().type()) {
            case PLUS -> arithmetic(left, leftSpan, Arithmetic.Operator.ADD, this::multiplicative);
            case MINUS -> arithmetic(left, leftSpan, Arithmetic.Operator.SUBTRACT, this::multiplicative);
            default -> null;
        };
    }

    private Expression multiplicative() {
        return leftChain(this::unary, this::multiplicativeLink);
    }

    private Expression multiplicativeLink(Expression left, Span leftSpan) {
        return switch (peek().type()) {
            case STAR -> arithmetic(left, leftSpan, Arithmetic.Operator.MULTIPLY, this::unary);
            case SLASH -> arithmetic(left, leftSpan, Arithmetic.Operator.DIVIDE, this::unary);
            default -> null;
        };
    }

    /** {@code left} combined by the operator that is the next token with the operand that follows it. */
    private Arithmetic arithmetic(Expression left, Span leftSpan, Arithmetic.Operator operator,
            Supplier<Expression> operand) {
        Token symbol = peek();
        next++;
        int rightStart = peek().position();
        Expression right = operand.get();
        requireNumeric(left, leftSpan, symbol, " cannot be an operand of ");
        requireNumeric(right, spanFrom(rightStart), symbol, " cannot be an operand of ");
        return new Arithmetic(left, operator, right);
    }

    private Expression unary() {
        Token operator = peek();
        switch (operator.type()) {
            case PLUS -> {
                next++;
                // 4.9 ignores a unary plus, whatever its operand
                return nestedUnary(operator);
            }
            case MINUS -> {
                next++;
                if (Lexer.LONG_MIN_MAGNITUDE.equals(peek().value())) {
                    next++;
                    return new Literal(Long.MIN_VALUE);
                }
                return Negation.of(nestedUnary(operator));
            }
            case NOT -> {
                if (dialect.jmsGrammar()) {
                    // NOT is a rule of its own there, looser than comparisons; here it can only be misplaced
                    return primary();
                }
                next++;
                int operandStart = peek().position();
                Expression operand = nestedUnary(operator);
                return new Not(condition(operand, spanFrom(operandStart)));
            }
            default -> {
                return primary();
            }
        }
    }

    private Expression nestedUnary(Token operator) {
        enterNesting(operator.position());
        Expression operand = unary();
        nesting--;
        return operand;
    }

    private Expression primary() {
        Token token = peek();
        switch (token.type()) {
            case STRING, INTEGER, FLOAT -> {
                if (Lexer.LONG_MIN_MAGNITUDE.equals(token.value())) {
                    throw new SelectorSyntaxException("number " + token.text() + " is too large for a long"
                            + " (only its negation is one)", token.position());
                }
                next++;
                return new Literal(token.value());
            }
            case TRUE -> {
                next++;
                return BooleanLiteral.TRUE;
            }
            case FALSE -> {
                next++;
                return BooleanLiteral.FALSE;
            }
            case NULL -> {
                next++;
                return BooleanLiteral.NULL;
            }
            case IDENTIFIER -> {
                String problem = dialect.identifiers().problem(token.text());
                if (problem != null) {
                    throw new SelectorSyntaxException(problem, token.position());
                }
                next++;
                return new Property(token.text());
            }
            case LEFT_PAREN -> {
                next++;
                enterNesting(token.position());
                Expression inner = or();
                nesting--;
                expect(TokenType.RIGHT_PAREN, "')'");
                return inner;
            }
            default -> throw new SelectorSyntaxException("expected a value, a property or '(' but found "
                    + token.describe(), token.position());
        }
    }

    /**
     * Where a condition is needed. 4.9 also accepts a property there: see {@link PropertyCondition}.
     */
    private Condition condition(Expression expression, Span span) {
        if (expression instanceof Condition condition) {
            return condition;
        }
        if (expression instanceof Property property) {
            return new PropertyCondition(property.name(), dialect.rules());
        }
        throw new SelectorSyntaxException("expected a condition but found " + quote(span), span.start());
    }

    /**
     * One more level of parentheses, unary operators or chained comparisons, opened at
     * {@code position}. Bounding it keeps both this parser's recursion and the evaluation of the tree
     * far from the end of any thread's stack.
     */
    private void enterNesting(int position) {
        if (++nesting > Selector.MAX_NESTING) {
            throw new SelectorSyntaxException("expression is nested more than " + Selector.MAX_NESTING
                    + " levels deep", position);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(TokenType type) {
        if (peek().type() != type) {
            return false;
        }
        next++;
        return true;
    }

    private Token expect(TokenType type, String expected) {
        Token token = peek();
        if (token.type() != type) {
            throw new SelectorSyntaxException("expected " + expected + " but found " + token.describe(),
                    token.position());
        }
        next++;
        return token;
    }

    /** The source text from {@code start} to the end of the last token read. */
    private Span spanFrom(int start) {
        return new Span(start, tokens.get(next - 1).end());
    }

    private String quote(Span span) {
        String text = source.substring(span.start(), span.end());
        return "\"" + (text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH - 3) + "...") + "\"";
    }

    /** Where an operand was written, to quote it in an error message. */
    private record Span(int start, int end) {
    }
}
