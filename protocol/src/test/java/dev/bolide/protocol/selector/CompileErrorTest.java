package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Expressions that do not compile, and what the error says (reference section 7.2). */
class CompileErrorTest {
    @Test
    void orderingAStringLiteralIsRejected() {
        rejecting("a > 'abc'").hasMessage("\"'abc'\" cannot be compared with '>', only numbers and properties can"
                + " at position 4");
        rejecting("'abc' <= a").hasMessageContaining("\"'abc'\" cannot be compared with '<='");
    }

    @Test
    void orderingABooleanLiteralOrNullIsRejected() {
        rejecting("a >= TRUE").hasMessageContaining("\"TRUE\" cannot be compared with '>='");
        rejecting("FALSE < a").hasMessageContaining("\"FALSE\" cannot be compared with '<'");
        rejecting("a > NULL").hasMessageContaining("\"NULL\" cannot be compared with '>'");
    }

    @Test
    void aBooleanLiteralIsNotEqualedToAStringOrNumberLiteralOnItsRight() {
        rejecting("TRUE = 0").hasMessage("\"TRUE\" (a boolean) cannot be compared with '=' to \"0\" (a number)"
                + " at position 0");
        rejecting("FALSE <> 'x'").hasMessageContaining("\"FALSE\" (a boolean) cannot be compared with '<>'");
        rejecting("a = 1 AND FALSE = 0").hasMessageEndingWith("at position 10");
    }

    @Test
    void theOther4_9EqualitiesOfMixedTypesCompile() {
        for (String selector : new String[] {"0 = TRUE", "'x' = FALSE", "TRUE = a", "TRUE = (a > 1)", "TRUE = FALSE"}) {
            assertThat(Selector.compileSql92(selector).expression()).isEqualTo(selector);
        }
    }

    @Test
    void octalAndHexadecimalNumbersAreNotSql92() {
        rejecting("a = 035").hasMessage("number 035 has a leading zero at position 4");
        rejecting("a = 0x1d").hasMessage("unexpected 'x1d' after a complete expression at position 5");
    }

    @Test
    void orderingAConditionIsRejected() {
        rejecting("(a = 1) > 0").hasMessage("the condition \"(a = 1)\" cannot be compared with '>' at position 0");
        rejecting("a > 1 > 0").hasMessageContaining("the condition \"a > 1\" cannot be compared with '>'");
    }

    @Test
    void notBindsTighterThanAComparisonAndTheErrorSaysSo() {
        rejecting("NOT a > 5").hasMessageContaining("the condition \"NOT a\" cannot be compared with '>'")
                .hasMessageContaining("write NOT (...) around the comparison");
    }

    @Test
    void equalityWithNullIsRejectedInFavourOfIsNull() {
        rejecting("a = NULL").hasMessage("NULL cannot be compared with '=', use IS NULL at position 4");
        rejecting("NULL = a").hasMessageContaining("use IS NULL");
    }

    @Test
    void inequalityWithNullIsRejectedInFavourOfIsNotNull() {
        rejecting("a <> NULL").hasMessage("NULL cannot be compared with '<>', use IS NOT NULL at position 5");
    }

    @Test
    void betweenWithANullBoundIsRejected() {
        rejecting("a BETWEEN NULL AND 5").hasMessage("a bound of BETWEEN cannot be NULL at position 10");
        rejecting("a NOT BETWEEN 1 AND NULL").hasMessage("a bound of BETWEEN cannot be NULL at position 20");
    }

    @Test
    void betweenWithReversedBoundsIsRejected() {
        rejecting("a BETWEEN 5 AND 3").hasMessage("the bounds of BETWEEN are reversed: 5 is greater than 3"
                + " at position 10");
        rejecting("a NOT BETWEEN 2 AND 1.5").hasMessageContaining("reversed: 2 is greater than 1.5");
        rejecting("a BETWEEN -1 AND -5").hasMessageContaining("reversed: -1 is greater than -5");
    }

    @Test
    void betweenWithEqualBoundsIsAccepted() {
        assertThat(Selector.compileSql92("a BETWEEN 3 AND 3.0").expression()).isEqualTo("a BETWEEN 3 AND 3.0");
    }

    @Test
    void betweenWithStringBoundsIsRejected() {
        rejecting("a BETWEEN 'a' AND 'b'").hasMessageContaining("\"'a'\" cannot be compared with 'BETWEEN'");
    }

    @Test
    void betweenWithoutAndIsRejected() {
        rejecting("a BETWEEN 1 OR 2").hasMessage("expected AND but found 'OR' at position 12");
    }

    @Test
    void inOnAnythingButAPropertyIsRejected() {
        rejecting("5 IN ('5')").hasMessage("IN needs a property name on its left, not \"5\" at position 0");
        rejecting("(a = 1) NOT IN ('x')").hasMessageContaining("IN needs a property name on its left");
    }

    @Test
    void notBeforeAPropertyMakesInApplyToTheCondition() {
        rejecting("NOT x IN ('1')").hasMessageContaining("IN needs a property name on its left, not \"NOT x\"");
    }

    @Test
    void inListsHoldOnlyStrings() {
        rejecting("a IN (1, 2)").hasMessage("expected a string literal but found '1' at position 6");
        rejecting("a IN ()").hasMessageContaining("expected a string literal but found ')'");
        rejecting("a IN 'x'").hasMessageContaining("expected '(' after IN but found 'x'");
        rejecting("a IN ('x' 'y')").hasMessageContaining("expected ',' or ')' but found 'y'");
    }

    @Test
    void aSelectorThatIsNotAConditionIsRejected() {
        rejecting("5").hasMessage("expected a condition but found \"5\" at position 0");
        rejecting("'abc'").hasMessageContaining("expected a condition but found \"'abc'\"");
        rejecting(" -a ").hasMessage("expected a condition but found \"-a\" at position 1");
    }

    @Test
    void andOrAndNotNeedConditions() {
        rejecting("a = 1 AND 5").hasMessage("expected a condition but found \"5\" at position 10");
        rejecting("1.5 OR a = 1").hasMessageContaining("expected a condition but found \"1.5\"");
        rejecting("NOT 'x'").hasMessageContaining("expected a condition but found \"'x'\"");
    }

    @Test
    void textAfterACompleteExpressionIsRejected() {
        rejecting("a LIKE 'x%'").hasMessage("unexpected 'LIKE' after a complete expression at position 2");
        rejecting("a + 1 > 2").hasMessage("unexpected '+' after a complete expression at position 2");
        rejecting("a = 1 b = 2").hasMessageContaining("unexpected 'b' after a complete expression");
        rejecting("a NOT LIKE 'x'").hasMessageContaining("unexpected 'NOT' after a complete expression");
        rejecting("(a = 1))").hasMessageContaining("unexpected ')' after a complete expression");
    }

    @Test
    void isMustBeFollowedByNullOrNotNull() {
        rejecting("a IS TRUE").hasMessage("expected NULL or NOT NULL but found 'TRUE' at position 5");
        rejecting("a IS NOT 5").hasMessage("expected NULL but found '5' at position 9");
    }

    @Test
    void missingOperandsAndParenthesesAreRejected() {
        rejecting("a =").hasMessage("expected a value, a property or '(' but found end of expression at position 3");
        rejecting("a = = 1").hasMessageContaining("but found '='");
        rejecting("(a = 1").hasMessage("expected ')' but found end of expression at position 6");
        rejecting("a = 1 AND").hasMessageContaining("found end of expression");
    }

    @Test
    void emptyAndBlankExpressionsAreRejected() {
        rejecting("").hasMessage("expression is empty at position 0");
        rejecting(" \t\n").hasMessage("expression is empty at position 3");
        rejecting("/* nothing */ -- at all").hasMessageContaining("expression is empty");
    }

    @Test
    void operatorsFromLaterDialectsAreRejected() {
        rejecting("a * 2 > 1").hasMessageContaining("unexpected character '*'");
        rejecting("a != 1").hasMessageContaining("unexpected character '!'");
        rejecting("a CONTAINS 'x'").hasMessageContaining("unexpected 'CONTAINS'");
    }

    @Test
    void theExceptionTellsThePosition() {
        SelectorSyntaxException e = (SelectorSyntaxException) rejecting("a = 1 AND b LIKE 'x'").actual();

        assertThat(e.position()).isEqualTo(12);
    }

    @Test
    void longFragmentsAreShortenedInMessages() {
        String longName = "p".repeat(100);

        rejecting("(" + longName + " = 1) > 2").hasMessage("the condition \"(" + "p".repeat(36)
                + "...\" cannot be compared with '>' at position 0");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejecting(String expression) {
        return assertThatThrownBy(() -> Selector.compileSql92(expression)).isInstanceOf(SelectorSyntaxException.class);
    }
}
