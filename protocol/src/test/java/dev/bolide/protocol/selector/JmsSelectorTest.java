package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Jakarta Messaging dialect on typed values: the specification's examples (3.8.1.1) and its type rules. */
class JmsSelectorTest {
    @Test
    void theSpecificationsCarExampleSelectsOnTypeAndProperties() {
        Selector selector = Selector.compileJms("JMSType = 'car' AND color = 'blue' AND weight > 2500");
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue", "weight", 3000)::get)).isTrue();
        assertThat(selector.matches(Map.of("JMSType", "car", "color", "blue", "weight", 2500L)::get)).isFalse();
        assertThat(selector.matches(Map.of("JMSType", "bike", "color", "blue", "weight", 3000)::get)).isFalse();
    }

    @Test
    void numberLiteralsAreJavasIncludingTheExtremeLongs() {
        Map<String, Long> extremes = Map.of("low", Long.MIN_VALUE, "high", Long.MAX_VALUE);
        assertThat(JmsOutcome.of("low = -9223372036854775808L AND high = 9223372036854775807L", extremes))
                .isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("low < -9223372036854775807", extremes)).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a = 035 AND a = 0x1d AND a = 29L AND a = 2.9e1", Map.of("a", 29L)))
                .isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a = 0xFFFFFFFF", Map.of("a", -1))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void likeMatchesPercentAsAnySequenceAndUnderscoreAsOneCharacter() {
        assertThat(JmsOutcome.of("phone LIKE '12%3'", Map.of("phone", "123"))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("phone LIKE '12%3'", Map.of("phone", "12993"))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("phone LIKE '12%3'", Map.of("phone", "1234"))).isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("word LIKE 'l_se'", Map.of("word", "lose"))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("word LIKE 'l_se'", Map.of("word", "loose"))).isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("word NOT LIKE 'l_se'", Map.of("word", "loose"))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void escapeMakesAWildcardLiteral() {
        String selector = "underscored LIKE '\\_%' ESCAPE '\\'";
        assertThat(JmsOutcome.of(selector, Map.of("underscored", "_foo"))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of(selector, Map.of("underscored", "bar"))).isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("a LIKE '100!%' ESCAPE '!'", Map.of("a", "100%"))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a LIKE '100!%' ESCAPE '!'", Map.of("a", "1000"))).isEqualTo(Outcome.FALSE);
    }

    @Test
    void likeOnAMissingOrNonStringPropertyIsUnknown() {
        assertThat(JmsOutcome.of("a LIKE '1%'", Map.of())).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a LIKE '1%'", Map.of("a", 12))).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void betweenIsInclusiveAndNotBetweenItsComplement() {
        assertThat(JmsOutcome.of("age BETWEEN 15 AND 19", Map.of("age", 15))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("age BETWEEN 15 AND 19", Map.of("age", 19.0))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("age BETWEEN 15 AND 19", Map.of("age", (byte) 20))).isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("age NOT BETWEEN 15 AND 19", Map.of("age", 14L))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("age BETWEEN 19 AND 15", Map.of("age", 17))).isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("age BETWEEN 15 AND 19", Map.of("age", "17"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a BETWEEN b - 1 AND b * 2", Map.of("a", 3, "b", 2))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void inComparesStringsOnly() {
        String selector = "Country IN ('UK', 'US', 'France')";
        assertThat(JmsOutcome.of(selector, Map.of("Country", "UK"))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of(selector, Map.of("Country", "Peru"))).isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("Country NOT IN ('UK', 'US', 'France')", Map.of("Country", "Peru")))
                .isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of(selector, Map.of())).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of(selector, Map.of("Country", 1))).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void isNullTellsWhetherAPropertyIsMissing() {
        assertThat(JmsOutcome.of("prop IS NULL", Map.of())).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("prop IS NULL", Map.of("prop", 0))).isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("prop IS NOT NULL", Map.of("prop", ""))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void arithmeticFollowsJavaPromotionAndPrecedence() {
        assertThat(JmsOutcome.of("quantity * price > 100.0", Map.of("quantity", 3, "price", 40.5f)))
                .isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("quantity * price > 100.0", Map.of("quantity", 2, "price", 40.5)))
                .isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("1 + 2 * 3 = 7 AND (1 + 2) * 3 = 9 AND 10 - 4 - 3 = 3", Map.of()))
                .isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("7 / 2 = 3 AND 7 / 2.0 = 3.5 AND -a = -5", Map.of("a", (short) 5)))
                .isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a * 2 = 4294967296", Map.of("a", 2147483648L))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a + 1 = -2147483648", Map.of("a", Integer.MAX_VALUE)))
                .as("ints overflow as in Java").isEqualTo(Outcome.TRUE);
    }

    @Test
    void arithmeticOnUnknownsNonNumbersAndIntegerDivisionByZeroIsUnknown() {
        assertThat(JmsOutcome.of("a + 1 > 0", Map.of())).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a + 1 > 0", Map.of("a", "1"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a / 0 > 0", Map.of("a", 1))).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a / 0.0 > 0", Map.of("a", 1))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void numbersCompareAcrossTypesAfterPromotion() {
        assertThat(JmsOutcome.of("a = 1", Map.of("a", 1.0))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a = 1.0", Map.of("a", (byte) 1))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a < b", Map.of("a", 1L, "b", 1.5f))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a <> 2", Map.of("a", 1))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void valuesOfDifferentTypesAreNeverConvertedSoTheirComparisonIsUnknown() {
        assertThat(JmsOutcome.of("a = 10", Map.of("a", "10"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a <> 10", Map.of("a", "10"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a > 1", Map.of("a", "10"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a = TRUE", Map.of("a", "true"))).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a = 1", Map.of("a", true))).isEqualTo(Outcome.UNKNOWN);
        assertThat(JmsOutcome.of("a > b", Map.of("a", "b", "b", "a"))).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void stringsAndBooleansCompareForEquality() {
        assertThat(JmsOutcome.of("a = 'x' AND b <> 'y'", Map.of("a", "x", "b", "z"))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("a = 'X'", Map.of("a", "x"))).isEqualTo(Outcome.FALSE);
        assertThat(JmsOutcome.of("f = TRUE AND g <> TRUE", Map.of("f", true, "g", false))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("(a > 1) = FALSE", Map.of("a", 0))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void aBooleanPropertyIsACondition() {
        assertThat(JmsOutcome.of("f", Map.of("f", true))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("f AND NOT g", Map.of("f", true, "g", false))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("f OR a = 1", Map.of("f", "true"))).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void notAppliesToAWholeComparison() {
        assertThat(JmsOutcome.of("NOT a > 5", Map.of("a", 3))).isEqualTo(Outcome.TRUE);
        assertThat(JmsOutcome.of("NOT NOT a = 5 AND b = 1", Map.of("a", 5, "b", 1))).isEqualTo(Outcome.TRUE);
    }

    @Test
    void anEmptySelectorSelectsEverything() {
        assertThat(Selector.compileJms(null).matches(Map.of())).isTrue();
        assertThat(Selector.compileJms("  ").matches(Map.of("a", "1"))).isTrue();
        assertThat(Selector.compileJms(null).expression()).isEmpty();
    }
}
