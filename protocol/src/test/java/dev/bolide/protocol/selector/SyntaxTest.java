package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What may be written: keywords, literals, comments and blanks (reference section 7.2). */
class SyntaxTest {
    @Test
    void keywordsAreCaseInsensitive() {
        Selector selector = Selector.compileSql92("a iS nOt NuLl aNd b bEtWeEn 1 AnD 2 oR c In ('x') Or tRuE = fAlSe");

        assertThat(selector.matches(Map.of("a", "1", "b", "2"))).isTrue();
    }

    @Test
    void stringLiteralsUseTwoQuotesForOne() {
        assertThat(Selector.compileSql92("a = 'it''s'").matches(Map.of("a", "it's"))).isTrue();
        assertThat(Selector.compileSql92("a IN ('''', 'x')").matches(Map.of("a", "'"))).isTrue();
    }

    @Test
    void stringLiteralsKeepCommentMarkersAndLineBreaks() {
        assertThat(Selector.compileSql92("a = '-- /* */\n'").matches(Map.of("a", "-- /* */\n"))).isTrue();
    }

    @Test
    void numberLiteralsTakeEveryDocumentedForm() {
        Map<String, String> five = Map.of("a", "5");

        assertThat(Selector.compileSql92("a = 5L").matches(five)).isTrue();
        assertThat(Selector.compileSql92("a = 5.").matches(five)).isTrue();
        assertThat(Selector.compileSql92("a > .5").matches(five)).isTrue();
        assertThat(Selector.compileSql92("a = 0.5E1").matches(five)).isTrue();
        assertThat(Selector.compileSql92("a = 50e-1").matches(five)).isTrue();
    }

    @Test
    void identifiersMayUseDollarUnderscoreAndDigits() {
        assertThat(Selector.compileSql92("$a_1 = 'x' AND _ = 'y'").matches(Map.of("$a_1", "x", "_", "y"))).isTrue();
    }

    @Test
    void lineCommentsRunToTheEndOfTheLine() {
        Selector selector = Selector.compileSql92("a = 1 -- first\nAND b = 2 -- second, no line break");

        assertThat(selector.matches(Map.of("a", "1", "b", "2"))).isTrue();
        assertThat(selector.matches(Map.of("a", "1", "b", "3"))).isFalse();
    }

    @Test
    void blockCommentsMayAppearBetweenAnyTokens() {
        Selector selector = Selector.compileSql92("/* lead */a/**/=/* multi\nline */1/* trail */");

        assertThat(selector.matches(Map.of("a", "1"))).isTrue();
    }

    @Test
    void twoAdjacentMinusSignsStartAComment() {
        assertThatThrownBy(() -> Selector.compileSql92("a > --5"))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("found end of expression");
        assertThat(Selector.compileSql92("a > - -5").matches(Map.of("a", "6"))).isTrue();
    }

    @Test
    void tabsLineBreaksAndFormFeedsAreBlanks() {
        assertThat(Selector.compileSql92("\ta\r\n=\f1\n").matches(Map.of("a", "1"))).isTrue();
    }

    @Test
    void operatorsNeedNoSurroundingBlanks() {
        assertThat(Selector.compileSql92("a>=1AND(b<>'x')").matches(Map.of("a", "1", "b", "y"))).isTrue();
    }

    @Test
    void parenthesesOverrideThePrecedence() {
        Map<String, String> properties = Map.of("a", "1");

        assertThat(Selector.compileSql92("a = 1 OR a = 2 AND a = 3").matches(properties)).isTrue();
        assertThat(Selector.compileSql92("(a = 1 OR a = 2) AND a = 3").matches(properties)).isFalse();
    }
}
