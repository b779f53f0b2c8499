package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unary minus, which the parser applies to number literals at once. */
class NegationTest {
    @Test
    void negatesEachKindOfNumberKeepingItsType() {
        assertThat(new Negation(new Literal(5)).evaluate(name -> null)).isEqualTo(-5);
        assertThat(new Negation(new Literal(99999999999L)).evaluate(name -> null)).isEqualTo(-99999999999L);
        assertThat(new Negation(new Literal(1.5)).evaluate(name -> null)).isEqualTo(-1.5);
    }

    @Test
    void theNegationOfAnythingButANumberIsUnknown() {
        assertThat(new Negation(new Literal("5")).evaluate(name -> null)).isNull();
        assertThat(new Negation(new Property("a")).evaluate(Map.of("a", "5")::get)).isNull();
        assertThat(new Negation(BooleanLiteral.TRUE).evaluate(name -> null)).isNull();
    }

    @Test
    void aNegatedNumberLiteralBecomesALiteral() {
        assertThat(Negation.of(new Literal(5))).isEqualTo(new Literal(-5));
        assertThat(Negation.of(new Literal(2147483648L))).isEqualTo(new Literal(-2147483648L));
    }

    @Test
    void otherNegationsStayNodes() {
        assertThat(Negation.of(new Property("a"))).isEqualTo(new Negation(new Property("a")));
        assertThat(Negation.of(new Literal("x"))).isEqualTo(new Negation(new Literal("x")));
    }
}
