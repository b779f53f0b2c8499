package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public surface of a compiled selector and the bounds on what it accepts. */
class SelectorTest {
    @Test
    void keepsTheExpressionAsGiven() {
        Selector selector = Selector.compileSql92(" a > 5 -- note");

        assertThat(selector.expression()).isEqualTo(" a > 5 -- note");
        assertThat(selector).hasToString(" a > 5 -- note");
    }

    @Test
    void aNullExpressionIsAProgrammingError() {
        assertThatThrownBy(() -> Selector.compileSql92(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aPropertyMappedToNullIsMissing() {
        Map<String, String> properties = new HashMap<>();
        properties.put("a", null);

        assertThat(Selector.compileSql92("a IS NULL").matches(properties)).isTrue();
    }

    @Test
    void evaluatesTheSameWayEveryTime() {
        Selector selector = Selector.compileSql92("a > 5 OR b = 'x'");

        assertThat(selector.matches(Map.of("a", "abc", "b", "x"))).isFalse();
        assertThat(selector.matches(Map.of("a", "10"))).isTrue();
        assertThat(selector.matches(Map.of("a", "abc", "b", "x"))).isFalse();
    }

    @Test
    void acceptsAnExpressionOfTheMaximumLength() {
        String prefix = "a = '";
        String expression = prefix + "x".repeat(Selector.MAX_LENGTH - prefix.length() - 1) + "'";

        assertThat(Selector.compileSql92(expression).matches(Map.of("a", "x".repeat(Selector.MAX_LENGTH - 6))))
                .isTrue();
    }

    @Test
    void rejectsALongerExpression() {
        String expression = "a = '" + "x".repeat(Selector.MAX_LENGTH) + "'";

        assertThatThrownBy(() -> Selector.compileSql92(expression))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("expression is longer than 65536 characters at position 65536");
    }

    @Test
    void acceptsTheMaximumNesting() {
        String expression = "(".repeat(Selector.MAX_NESTING) + "a = 1" + ")".repeat(Selector.MAX_NESTING);

        assertThat(Selector.compileSql92(expression).matches(Map.of("a", "1"))).isTrue();
    }

    @Test
    void rejectsDeeperParentheses() {
        String expression = "(".repeat(Selector.MAX_NESTING + 1) + "a = 1" + ")".repeat(Selector.MAX_NESTING + 1);

        assertThatThrownBy(() -> Selector.compileSql92(expression))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("expression is nested more than 256 levels deep at position 256");
    }

    @Test
    void rejectsDeeplyNestedUnaryOperators() {
        assertRejectedAsTooDeep("NOT ".repeat(Selector.MAX_NESTING + 1) + "TRUE");
        assertRejectedAsTooDeep("a > " + "- ".repeat(Selector.MAX_NESTING + 1) + "5");
    }

    @Test
    void rejectsLongChainsOfComparisons() {
        assertRejectedAsTooDeep("a IS NULL" + " = TRUE".repeat(Selector.MAX_NESTING + 1));
    }

    @Test
    void hostileNestingFailsCleanlyWithoutExhaustingTheStack() {
        assertRejectedAsTooDeep("(".repeat(Selector.MAX_LENGTH));
        assertRejectedAsTooDeep("NOT ".repeat(Selector.MAX_LENGTH / 4));
    }

    @Test
    void longChainsOfAndAndOrDoNotNest() {
        String terms = String.join(" OR ", Collections.nCopies(5000, "a = 'no'"));
        Selector selector = Selector.compileSql92(terms + " OR a = 'yes'");

        assertThat(selector.matches(Map.of("a", "yes"))).isTrue();
        assertThat(selector.matches(Map.of("a", "maybe"))).isFalse();
    }

    private static void assertRejectedAsTooDeep(String expression) {
        assertThatThrownBy(() -> Selector.compileSql92(expression))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("nested more than 256 levels deep");
    }
}
