package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How values of different types compare (RocketMQ 4.9's conversions, reference section 7.3). */
class ComparisonTest {
    @Test
    void aPropertyIsParsedAsAnIntWhenComparedWithAnIntegerLiteral() {
        assertThat(Outcome.of("a > 5", Map.of("a", "10"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a = 10", Map.of("a", "+10"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void aPropertyThatIsNotAnIntCannotBeComparedWithAnIntegerLiteral() {
        assertThat(Outcome.of("a = 10", Map.of("a", "10.0"))).isEqualTo(Outcome.ERROR);
        assertThat(Outcome.of("a > 5", Map.of("a", "99999999999"))).isEqualTo(Outcome.ERROR);
        assertThat(Outcome.of("a > 5", Map.of("a", " 10"))).isEqualTo(Outcome.ERROR);
        assertThat(Outcome.of("a <> 5", Map.of("a", "abc"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void aPropertyIsParsedAsALongWhenComparedWithALongLiteral() {
        assertThat(Outcome.of("a < 99999999999", Map.of("a", "99999999998"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a = 99999999999", Map.of("a", "9.9999999999E10"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void aPropertyIsParsedAsADoubleWhenComparedWithADoubleLiteral() {
        assertThat(Outcome.of("a > 5.5", Map.of("a", "5.75"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a = 10.0", Map.of("a", "1e1"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a = 10.0", Map.of("a", "ten"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void theLiteralMayBeOnEitherSide() {
        assertThat(Outcome.of("5 < a", Map.of("a", "10"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("10 = a", Map.of("a", "10"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("5 >= a", Map.of("a", "10"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void twoPropertiesAreOrderedAsDoubles() {
        assertThat(Outcome.of("a < b", Map.of("a", "9", "b", "10"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a <= b", Map.of("a", "1e1", "b", "10"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void twoPropertiesAreEqualOnlyWhenTheirStringsAre() {
        assertThat(Outcome.of("a = b", Map.of("a", "x", "b", "x"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a = b", Map.of("a", "10", "b", "10.0"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void aPropertyEqualsAStringLiteralOnlyWhenIdentical() {
        assertThat(Outcome.of("a = 'abc'", Map.of("a", "abc"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a = 'abc'", Map.of("a", "ABC"))).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("a = '10'", Map.of("a", "10.0"))).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("a <> 'abc'", Map.of("a", "abd"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void numbersOfDifferentTypesAreWidenedBeforeComparing() {
        assertThat(Outcome.of("5 = 5.0", Map.of())).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("5 = 5L", Map.of())).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("2147483648 > 2147483647", Map.of())).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("99999999999 < 1e11", Map.of())).isEqualTo(Outcome.TRUE);
    }

    @Test
    void aPropertyEqualsTrueWhenItSaysTrueInAnyCase() {
        assertThat(Outcome.of("f = TRUE", Map.of("f", "TRUE"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("f = TRUE", Map.of("f", "yes"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void anyPropertyThatDoesNotSayTrueEqualsFalse() {
        assertThat(Outcome.of("f = FALSE", Map.of("f", "no"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("f = FALSE", Map.of("f", "0"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void aBooleanLiteralOnTheLeftComparesLikeOneOnTheRight() {
        assertThat(Outcome.of("TRUE = f", Map.of("f", "true"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("FALSE <> f", Map.of("f", "true"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void aBooleanNeverEqualsANumber() {
        // TRUE = 1 does not compile (CompileErrorTest); with the literals the other way round 4.9 compiles it
        assertThat(Outcome.of("1 = TRUE", Map.of())).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("1 = (2 > 1)", Map.of())).isEqualTo(Outcome.FALSE);
    }

    @Test
    void conditionsCompareWithBooleans() {
        assertThat(Outcome.of("(a > 5) = TRUE", Map.of("a", "10"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("(a > 5) = (b > 5)", Map.of("a", "1", "b", "2"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void equalityIsUnknownWhenOnlyTheLeftSideIsMissing() {
        assertThat(Outcome.of("a = 'x'", Map.of())).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of("a <> 'x'", Map.of())).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void equalityIsFalseWhenOnlyTheRightSideIsMissing() {
        assertThat(Outcome.of("'x' = a", Map.of())).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("'x' <> a", Map.of())).isEqualTo(Outcome.TRUE);
    }

    @Test
    void twoMissingPropertiesAreEqual() {
        assertThat(Outcome.of("a = b", Map.of())).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a <> b", Map.of())).isEqualTo(Outcome.FALSE);
    }

    @Test
    void orderingIsUnknownWhenEitherSideIsMissing() {
        assertThat(Outcome.of("5 < a", Map.of())).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of("a > b", Map.of("a", "1"))).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void anOrderingWithAMissingLeftSideDoesNotEvaluateItsRightSide() {
        // the right side, -(bad > 1), would fail: bad is not a number
        assertThat(Outcome.of("a > -(bad > 1)", Map.of("bad", "x"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of("a > -(bad > 1)", Map.of("a", "1", "bad", "x"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void betweenIncludesItsBounds() {
        assertThat(Outcome.of("a BETWEEN 1 AND 3", Map.of("a", "1"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a BETWEEN 1 AND 3", Map.of("a", "3"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a BETWEEN 1.5 AND 2.0", Map.of("a", "1.75"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void eachBetweenBoundParsesThePropertyAsItsOwnType() {
        // a <= 2 parses "1.75" as an int
        assertThat(Outcome.of("a BETWEEN 1.5 AND 2", Map.of("a", "1.75"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void notBetweenIsTheNegationOfBetween() {
        assertThat(Outcome.of("a NOT BETWEEN 1 AND 3", Map.of("a", "5"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a NOT BETWEEN 1 AND 3", Map.of("a", "2"))).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("a NOT BETWEEN 1 AND 3", Map.of())).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void betweenAcceptsPropertiesAsBounds() {
        assertThat(Outcome.of("a BETWEEN lo AND hi", Map.of("a", "5", "lo", "1", "hi", "10"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void betweenOnAValueThatIsNotANumberIsAnError() {
        assertThat(Outcome.of("a BETWEEN 1 AND 3", Map.of("a", "x"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void inComparesStringsExactly() {
        assertThat(Outcome.of("TAGS IN ('taga', 'TagB')", Map.of("TAGS", "TagA"))).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("a IN ('1')", Map.of("a", "1.0"))).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("a IN ('x', 'y', 'z', 'w', 'v', 'u')", Map.of("a", "u"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void notInIsTrueForAPresentPropertyOutsideTheList() {
        assertThat(Outcome.of("TAGS NOT IN ('TagA', 'TagB')", Map.of("TAGS", "TagC"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("TAGS NOT IN ('TagA', 'TagB')", Map.of("TAGS", "TagB"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void isNotNullIsTrueForAPresentProperty() {
        assertThat(Outcome.of("a IS NOT NULL", Map.of("a", ""))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a IS NOT NULL", Map.of())).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("a IS NULL", Map.of("a", "1"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void isNullAppliesToAnyExpression() {
        assertThat(Outcome.of("5 IS NULL", Map.of())).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("(a > 5) IS NULL", Map.of())).isEqualTo(Outcome.TRUE);
    }

    @Test
    void propertyNamesAreCaseSensitive() {
        assertThat(Outcome.of("A = '1'", Map.of("a", "1"))).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void unaryMinusNegatesNumbers() {
        assertThat(Outcome.of("a > -5", Map.of("a", "-3"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a = -2147483648", Map.of("a", "-2147483648"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("a < -1.5", Map.of("a", "-2"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("- -5 = 5", Map.of())).isEqualTo(Outcome.TRUE);
    }

    @Test
    void unaryMinusOfAPropertyIsUnknownBecauseItsValueIsAString() {
        assertThat(Outcome.of("-a < 5", Map.of("a", "1"))).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void unaryPlusChangesNothing() {
        assertThat(Outcome.of("+a > +5", Map.of("a", "10"))).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("+'x' = a", Map.of("a", "x"))).isEqualTo(Outcome.TRUE);
    }
}
