package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** AND, OR and NOT over unknown values (3.8.1.1, tables 3-4 to 3-6); {@code u} is always missing. */
class JmsThreeValuedLogicTest {
    private static final Map<String, Object> VALUES = Map.of("t", true, "f", false);

    @Test
    void andIsFalseWhenAnyOperandIsFalseElseUnknownWhenAnyIsUnknown() {
        assertThat(outcome("t AND u")).isEqualTo(Outcome.UNKNOWN);
        assertThat(outcome("u AND f")).isEqualTo(Outcome.FALSE);
        assertThat(outcome("u AND u")).isEqualTo(Outcome.UNKNOWN);
        assertThat(outcome("t AND t")).isEqualTo(Outcome.TRUE);
    }

    @Test
    void orIsTrueWhenAnyOperandIsTrueElseUnknownWhenAnyIsUnknown() {
        assertThat(outcome("u OR t")).isEqualTo(Outcome.TRUE);
        assertThat(outcome("f OR u")).isEqualTo(Outcome.UNKNOWN);
        assertThat(outcome("f OR f")).isEqualTo(Outcome.FALSE);
    }

    @Test
    void notOfUnknownIsUnknownSoAMissingPropertySelectsNeitherWay() {
        assertThat(outcome("NOT u")).isEqualTo(Outcome.UNKNOWN);
        assertThat(outcome("NOT u = 1")).isEqualTo(Outcome.UNKNOWN);
        assertThat(outcome("u = 1")).isEqualTo(Outcome.UNKNOWN);
        assertThat(outcome("u <> 1")).isEqualTo(Outcome.UNKNOWN);
    }

    private static Outcome outcome(String condition) {
        return JmsOutcome.of(condition, VALUES);
    }
}
