package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LikePatternTest {
    @Test
    void wildcardsMatchAnySequenceAndOneCharacter() {
        assertThat(LikePattern.compile("%", null).matches("")).isTrue();
        assertThat(LikePattern.compile("_", null).matches("")).isFalse();
        assertThat(LikePattern.compile("a%b%c", null).matches("aXbYbZc")).isTrue();
        assertThat(LikePattern.compile("a%b%c", null).matches("aXcYb")).isFalse();
        assertThat(LikePattern.compile("%ab", null).matches("aab")).isTrue();
        assertThat(LikePattern.compile("a.b*", null).matches("a.b*")).isTrue();
        assertThat(LikePattern.compile("a.b", null).matches("aXb")).as("no regular expression").isFalse();
        assertThat(LikePattern.compile("a_c", null).matches("a\nc")).isTrue();
    }

    @Test
    void anEscapedWildcardIsLiteral() {
        assertThat(LikePattern.compile("#%#_##", '#').matches("%_#")).isTrue();
        assertThat(LikePattern.compile("#%", '#').matches("x")).isFalse();
    }

    @Test
    void matchingCannotBeMadeExponential() {
        String text = "a".repeat(20_000);
        LikePattern pattern = LikePattern.compile("%a%a%a%a%a%a%a%a%b", null);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(pattern.matches(text)).isFalse());
    }
}
