package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AND, OR and NOT over TRUE, FALSE and unknown (NULL), and how evaluation errors travel through them. */
class ThreeValuedLogicTest {
    /** A property that cannot be compared with a number, so {@code bad > 1} fails. */
    private static final Map<String, String> BAD = Map.of("bad", "x");

    @ParameterizedTest(name = "{0} AND {1} is {2}")
    @CsvSource({
        "TRUE,  TRUE,  TRUE", "TRUE,  FALSE, FALSE", "TRUE,  NULL,  UNKNOWN",
        "FALSE, TRUE,  FALSE", "FALSE, FALSE, FALSE", "FALSE, NULL,  FALSE",
        "NULL,  TRUE,  UNKNOWN", "NULL,  FALSE, FALSE", "NULL,  NULL,  UNKNOWN"})
    void andIsFalseIfEitherSideIsFalseElseUnknownIfEitherIsUnknown(String left, String right, Outcome expected) {
        assertThat(Outcome.of(left + " AND " + right, Map.of())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} OR {1} is {2}")
    @CsvSource({
        "TRUE,  TRUE,  TRUE", "TRUE,  FALSE, TRUE", "TRUE,  NULL,  TRUE",
        "FALSE, TRUE,  TRUE", "FALSE, FALSE, FALSE", "FALSE, NULL,  UNKNOWN",
        "NULL,  TRUE,  TRUE", "NULL,  FALSE, UNKNOWN", "NULL,  NULL,  UNKNOWN"})
    void orIsTrueIfEitherSideIsTrueElseUnknownIfEitherIsUnknown(String left, String right, Outcome expected) {
        assertThat(Outcome.of(left + " OR " + right, Map.of())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NOT {0} is {1}")
    @CsvSource({"TRUE, FALSE", "FALSE, TRUE", "NULL, UNKNOWN"})
    void notSwapsTrueAndFalseAndKeepsUnknown(String operand, Outcome expected) {
        assertThat(Outcome.of("NOT " + operand, Map.of())).isEqualTo(expected);
    }

    @Test
    void longChainsFollowTheSameRules() {
        assertThat(Outcome.of("TRUE AND NULL AND TRUE AND FALSE AND NULL", Map.of())).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("FALSE OR NULL OR FALSE", Map.of())).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of("FALSE OR NULL OR TRUE OR NULL", Map.of())).isEqualTo(Outcome.TRUE);
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(Outcome.of("TRUE OR TRUE AND FALSE", Map.of())).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("(TRUE OR TRUE) AND FALSE", Map.of())).isEqualTo(Outcome.FALSE);
    }

    @Test
    void anErrorBeforeTheDecidingOperandAbortsTheEvaluation() {
        assertThat(Outcome.of("bad > 1 OR TRUE", BAD)).isEqualTo(Outcome.ERROR);
        assertThat(Outcome.of("bad > 1 AND FALSE", BAD)).isEqualTo(Outcome.ERROR);
        assertThat(Outcome.of("NULL OR bad > 1 OR TRUE", BAD)).isEqualTo(Outcome.ERROR);
    }

    @Test
    void evaluationStopsAtTheFirstOperandThatDecidesLikeRocketMq() {
        assertThat(Outcome.of("TRUE OR bad > 1", BAD)).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("FALSE AND bad > 1", BAD)).isEqualTo(Outcome.FALSE);
    }

    @Test
    void anErrorInsideNotIsStillAnError() {
        assertThat(Outcome.of("NOT (bad > 1)", BAD)).isEqualTo(Outcome.ERROR);
    }

    @Test
    void barePropertiesCombineAsConditionsThatAreNeverTrue() {
        Map<String, String> properties = Map.of("f", "true");

        assertThat(Outcome.of("f AND TRUE", properties)).isEqualTo(Outcome.FALSE);
        assertThat(Outcome.of("NOT f", properties)).isEqualTo(Outcome.TRUE);
        assertThat(Outcome.of("missing OR FALSE", properties)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aParenthesisedPropertyIsStillABareProperty() {
        assertThat(Outcome.of("NOT (f)", Map.of("f", "true"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void theSelectorMatchesOnlyWhenItIsTrue() {
        assertThat(Selector.compileSql92("TRUE").matches(Map.of())).isTrue();
        assertThat(Selector.compileSql92("FALSE").matches(Map.of())).isFalse();
        assertThat(Selector.compileSql92("NULL").matches(Map.of())).isFalse();
    }
}
