package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results verified against the RocketMQ 4.9.7 filter (reference section 7.3), one per test. */
class VerifiedResultsTest {
    @Test
    void andOfAComparisonAndAnEqualityMatchesWhenBothHold() {
        Selector selector = Selector.compileSql92("a > 5 AND b = 'abc'");

        assertThat(selector.matches(Map.of("a", "10", "b", "abc"))).isTrue();
    }

    @Test
    void andOfAComparisonAndAnEqualityIsFalseWhenTheComparisonFails() {
        assertThat(Outcome.of("a > 5 AND b = 'abc'", Map.of("a", "1", "b", "abc"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void betweenIncludesAValueInsideTheRange() {
        assertThat(Selector.compileSql92("a between 0 and 3").matches(Map.of("a", "1"))).isTrue();
    }

    @Test
    void betweenIsFalseForAValueOutsideTheRange() {
        assertThat(Outcome.of("a between 0 and 3", Map.of("a", "10"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void comparingAMissingPropertyIsUnknown() {
        assertThat(Outcome.of("a > 5", Map.of())).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void isNullIsTrueForAMissingProperty() {
        assertThat(Selector.compileSql92("a IS NULL").matches(Map.of())).isTrue();
    }

    @Test
    void inMatchesTheTagsProperty() {
        assertThat(Selector.compileSql92("TAGS IN ('TagA','TagB')").matches(Map.of("TAGS", "TagA"))).isTrue();
    }

    @Test
    void inOnAMissingPropertyIsUnknown() {
        assertThat(Outcome.of("x IN ('1')", Map.of())).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void notInOnAMissingPropertyIsUnknownSoItDoesNotMatch() {
        assertThat(Outcome.of("x NOT IN ('1')", Map.of())).isEqualTo(Outcome.UNKNOWN);
        assertThat(Selector.compileSql92("x NOT IN ('1')").matches(Map.of())).isFalse();
    }

    @Test
    void notAroundInOnAMissingPropertyIsUnknownToo() {
        assertThat(Selector.compileSql92("NOT (x IN ('1'))").matches(Map.of())).isFalse();
        assertThat(Outcome.of("NOT (x IN ('1'))", Map.of())).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void notOfAnUnknownComparisonIsUnknown() {
        assertThat(Outcome.of("NOT (a > 5)", Map.of())).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void notEqualOnAMissingPropertyIsUnknown() {
        assertThat(Outcome.of("b <> 'zz'", Map.of())).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void anIntegerPropertyComparesWithADoubleLiteral() {
        assertThat(Selector.compileSql92("a > 5.5").matches(Map.of("a", "10"))).isTrue();
    }

    @Test
    void aSmallPropertyIsBelowALongLiteral() {
        assertThat(Outcome.of("a > 99999999999", Map.of("a", "10"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void orderingTwoPropertiesFailsWhenOneIsNotANumber() {
        assertThat(Outcome.of("a >= b", Map.of("a", "10", "b", "abc"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void anErrorOnTheLeftOfOrAbortsTheEvaluationAlthoughTheRightSideHolds() {
        Map<String, String> properties = Map.of("a", "abc", "b", "abc");

        assertThat(Selector.compileSql92("b = 'abc'").matches(properties)).isTrue();
        assertThat(Selector.compileSql92("a > 5 OR b = 'abc'").matches(properties)).isFalse();
    }

    @Test
    void aBarePropertyIsNeverTrueEvenWhenItsValueIsTrue() {
        assertThat(Selector.compileSql92("f").matches(Map.of("f", "true"))).isFalse();
    }

    @Test
    void aPropertyEqualsAnIntegerAndADoubleLiteralOfTheSameValue() {
        assertThat(Selector.compileSql92("a = 10").matches(Map.of("a", "10"))).isTrue();
        assertThat(Selector.compileSql92("a = 10.0").matches(Map.of("a", "10"))).isTrue();
    }

    @Test
    void aPropertyEqualsABooleanLiteral() {
        assertThat(Selector.compileSql92("f = TRUE").matches(Map.of("f", "true"))).isTrue();
    }
}
