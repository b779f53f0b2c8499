package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * JMS selectors that do not compile. Where the specification leaves a mistake to the provider, Bolide
 * rejects what can never select by its types (a string ordered, a string in arithmetic, a non-string
 * LIKE pattern or IN member) rather than letting it be always unknown.
 */
class JmsCompileErrorTest {
    @Test
    void stringsAndBooleansCannotBeOrdered() {
        rejecting("'a' > 'b'").hasMessageContaining("\"'a'\" cannot be compared with '>'");
        rejecting("a >= TRUE").hasMessageContaining("\"TRUE\" cannot be compared with '>='");
        rejecting("a BETWEEN 'a' AND 'c'").hasMessageContaining("cannot be compared with 'BETWEEN'");
    }

    @Test
    void arithmeticNeedsNumericOperands() {
        rejecting("a + 'x' > 1").hasMessage("\"'x'\" cannot be an operand of '+', only numbers and properties can"
                + " at position 4");
        rejecting("TRUE * 2 = a").hasMessageContaining("\"TRUE\" cannot be an operand of '*'");
        rejecting("(a = 1) - 1 = 0").hasMessageContaining("the condition \"(a = 1)\" cannot be an operand of '-'");
    }

    @Test
    void likeNeedsAPropertyAndAStringPattern() {
        rejecting("a LIKE 12").hasMessage("expected a string literal pattern after LIKE but found '12' at position 7");
        rejecting("a LIKE b").hasMessageContaining("expected a string literal pattern after LIKE");
        rejecting("'abc' LIKE 'a%'").hasMessage("LIKE needs a property name on its left, not \"'abc'\" at position 0");
        rejecting("a + 1 NOT LIKE 'a%'").hasMessageContaining("LIKE needs a property name on its left");
    }

    @Test
    void theEscapeIsOneCharacterThatPrecedesAWildcardOrItself() {
        rejecting("a LIKE 'x' ESCAPE 'ab'").hasMessage("the escape character must be one character, not 'ab'"
                + " at position 18");
        rejecting("a LIKE 'x' ESCAPE 1").hasMessageContaining("expected a string literal after ESCAPE");
        rejecting("a LIKE 'x!' ESCAPE '!'").hasMessage("bad LIKE pattern 'x!': the escape character ends the pattern"
                + " at position 7");
        rejecting("a LIKE '!x' ESCAPE '!'").hasMessageContaining("may only precede _, % or itself");
        assertThatCode(() -> Selector.compileJms("a LIKE '!!' ESCAPE '!'")).doesNotThrowAnyException();
    }

    @Test
    void inTakesOnlyStringLiterals() {
        rejecting("a IN (1, 2)").hasMessage("expected a string literal but found '1' at position 6");
        rejecting("a IN ('x', b)").hasMessageContaining("expected a string literal but found 'b'");
        rejecting("1 IN ('1')").hasMessageContaining("IN needs a property name on its left");
    }

    @Test
    void onlySixHeaderFieldsCanBeNamed() {
        rejecting("JMSExpiration > 0").hasMessageStartingWith("JMSExpiration is not a header field a selector"
                + " may name");
        rejecting("a = 1 OR JMSRedelivered").hasMessageEndingWith("at position 9");
    }

    @Test
    void notIsNotAValueOperator() {
        rejecting("a = NOT b").hasMessage("expected a value, a property or '(' but found 'NOT' at position 4");
    }

    @Test
    void theWholeInputMustBeOneCondition() {
        rejecting("a = 1 b").hasMessageContaining("unexpected 'b' after a complete expression");
        rejecting("a + 1").hasMessage("expected a condition but found \"a + 1\" at position 0");
        rejecting("a = 1 AND 'x'").hasMessageContaining("expected a condition but found \"'x'\"");
        rejecting("a = NULL").hasMessageContaining("use IS NULL");
        rejecting("a ! 1").hasMessageContaining("unexpected character '!'");
    }

    @Test
    void theLimitsOfSql92Apply() {
        rejecting("(".repeat(Selector.MAX_NESTING + 1) + "a" + ")".repeat(Selector.MAX_NESTING + 1))
                .hasMessageContaining("nested more than");
        rejecting("NOT ".repeat(Selector.MAX_NESTING + 1) + "a").hasMessageContaining("nested more than");
        rejecting("a = " + "1 + ".repeat(Selector.MAX_NESTING + 2) + "1").hasMessageContaining("nested more than");
        rejecting("a = '" + "x".repeat(Selector.MAX_LENGTH) + "'").hasMessageContaining("longer than");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejecting(String selector) {
        return assertThatThrownBy(() -> Selector.compileJms(selector)).as(selector)
                .isInstanceOf(SelectorSyntaxException.class);
    }
}
