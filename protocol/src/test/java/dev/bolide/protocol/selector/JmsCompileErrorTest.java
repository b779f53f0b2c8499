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
    void valuesOfDifferentTypesCannotBeEqualed() {
        rejecting("TRUE = 0").hasMessage("\"TRUE\" (a boolean) cannot be compared with '=' to \"0\" (a number)"
                + " at position 0");
        rejecting("FALSE = 0").hasMessageContaining("\"FALSE\" (a boolean) cannot be compared with '='");
        rejecting("0 <> TRUE").hasMessageContaining("\"0\" (a number) cannot be compared with '<>' to \"TRUE\"");
        rejecting("'1' = 1").hasMessageContaining("(a string) cannot be compared with '=' to \"1\" (a number)");
        rejecting("a + 1 = 'x'").hasMessageContaining("\"a + 1\" (a number)");
        rejecting("(a > 1) = 'x'").hasMessageContaining("\"(a > 1)\" (a boolean)");
    }

    @Test
    void equalitiesOfOneTypeOrWithAPropertyCompile() {
        for (String selector : new String[] {"TRUE = FALSE", "a = TRUE", "0 = a", "(a > 1) = b", "1 = 1.0",
                "'x' <> a", "-a = 2"}) {
            assertThatCode(() -> Selector.compileJms(selector)).as(selector).doesNotThrowAnyException();
        }
    }

    @Test
    void numbersAreJavasWithinTheirRange() {
        rejecting("a = 08").hasMessage("number 08 is not an octal int at position 4");
        rejecting("a = 0x100000000").hasMessage("number 0x100000000 is not a hexadecimal int at position 4");
        rejecting("a = 9223372036854775808").hasMessage("number 9223372036854775808 is too large for a long"
                + " (only its negation is one) at position 4");
        rejecting("a = -9223372036854775809").hasMessageContaining("is too large for a long");
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
