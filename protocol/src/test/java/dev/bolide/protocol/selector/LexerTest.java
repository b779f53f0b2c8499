package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    @Test
    void keywordsAreRecognisedInAnyCase() {
        assertThat(types("not And oR BeTwEeN in True FALSE null Is"))
                .containsExactly(TokenType.NOT, TokenType.AND, TokenType.OR, TokenType.BETWEEN, TokenType.IN,
                        TokenType.TRUE, TokenType.FALSE, TokenType.NULL, TokenType.IS, TokenType.END);
    }

    @Test
    void identifiersKeepTheirSpelling() {
        List<Token> tokens = Lexer.tokenize("$a_1 _ Nothing", Dialect.SQL92);

        assertThat(tokens).extracting(Token::type)
                .containsExactly(TokenType.IDENTIFIER, TokenType.IDENTIFIER, TokenType.IDENTIFIER, TokenType.END);
        assertThat(tokens).extracting(Token::text).containsExactly("$a_1", "_", "Nothing", "");
    }

    @Test
    void operatorsIncludingTwoCharacterOnes() {
        assertThat(types("= <> > >= < <= ( ) , + -")).containsExactly(TokenType.EQUAL, TokenType.NOT_EQUAL,
                TokenType.GREATER, TokenType.GREATER_OR_EQUAL, TokenType.LESS, TokenType.LESS_OR_EQUAL,
                TokenType.LEFT_PAREN, TokenType.RIGHT_PAREN, TokenType.COMMA, TokenType.PLUS, TokenType.MINUS,
                TokenType.END);
        assertThat(types("a>=5")).containsExactly(TokenType.IDENTIFIER, TokenType.GREATER_OR_EQUAL,
                TokenType.INTEGER, TokenType.END);
    }

    @Test
    void twoQuotesInsideAStringStandForOneQuote() {
        assertThat(value("'it''s'")).isEqualTo("it's");
        assertThat(value("''''")).isEqualTo("'");
        assertThat(value("''")).isEqualTo("");
    }

    @Test
    void stringsMayContainAnyCharacterButAQuote() {
        assertThat(value("'a -- b /* c */ \n\u00e9'")).isEqualTo("a -- b /* c */ \n\u00e9");
    }

    @Test
    void wholeNumbersAreIntegersWhenTheyFitElseLongs() {
        assertThat(value("0")).isEqualTo(0);
        assertThat(value("2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(value("2147483648")).isEqualTo(2147483648L);
        assertThat(value("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theLongSuffixIsAcceptedButDoesNotForceALong() {
        assertThat(value("5L")).isEqualTo(5);
        assertThat(value("5l")).isEqualTo(5);
        assertThat(value("99999999999L")).isEqualTo(99999999999L);
    }

    @Test
    void jakartaMessagingReadsOctalAndHexadecimalAsJavaDoes() {
        assertThat(jmsValue("035")).isEqualTo(29);
        assertThat(jmsValue("0x1d")).isEqualTo(29);
        assertThat(jmsValue("0X1D")).isEqualTo(29);
        assertThat(jmsValue("0")).isEqualTo(0);
        assertThat(jmsValue("00")).isEqualTo(0);
        assertThat(jmsValue("0xFFFFFFFF")).isEqualTo(-1);
        assertThat(jmsValue("0xFFFFFFFFL")).isEqualTo(4294967295L);
        assertThat(jmsValue("0x7fffffffffffffffL")).isEqualTo(Long.MAX_VALUE);
        assertThat(jmsValue("037777777777")).isEqualTo(-1);
    }

    @Test
    void jakartaMessagingReadsJavasFloatingPointSuffixes() {
        assertThat(jmsValue("1.5f")).isEqualTo(1.5);
        assertThat(jmsValue("2D")).isEqualTo(2.0);
        assertThat(jmsValue("010d")).isEqualTo(10.0);
        assertThat(jmsValue("1e2F")).isEqualTo(100.0);
    }

    @Test
    void theMagnitudeOfLongMinValueIsLeftToTheParser() {
        assertThat(jmsValue("9223372036854775808L")).isEqualTo(Lexer.LONG_MIN_MAGNITUDE);
        assertThatThrownBy(() -> Lexer.tokenize("9223372036854775808", Dialect.SQL92))
                .hasMessage("number 9223372036854775808 is too large for a long at position 0");
    }

    @Test
    void numbersWithAFractionOrAnExponentAreDoubles() {
        assertThat(value("5.5")).isEqualTo(5.5);
        assertThat(value("5.")).isEqualTo(5.0);
        assertThat(value(".5")).isEqualTo(0.5);
        assertThat(value("5E3")).isEqualTo(5000.0);
        assertThat(value("5e-1")).isEqualTo(0.5);
        assertThat(value("1.5E+2")).isEqualTo(150.0);
        assertThat(value(".5e1")).isEqualTo(5.0);
    }

    @Test
    void anExponentNeedsDigitsElseTheLetterStartsAnIdentifier() {
        assertThat(types("5e")).containsExactly(TokenType.INTEGER, TokenType.IDENTIFIER, TokenType.END);
        assertThat(types("5.e+")).containsExactly(TokenType.FLOAT, TokenType.IDENTIFIER, TokenType.PLUS,
                TokenType.END);
    }

    @Test
    void commentsAndBlanksSeparateTokens() {
        assertThat(types(" a\t--x = 1\r\n=/* 2 */\f3 -- end")).containsExactly(TokenType.IDENTIFIER,
                TokenType.EQUAL, TokenType.INTEGER, TokenType.END);
    }

    @Test
    void tokensRememberWhereTheyStart() {
        assertThat(Lexer.tokenize("a  <> 'x'", Dialect.SQL92)).extracting(Token::position).containsExactly(0, 3, 6, 9);
    }

    @Test
    void numbersBeyondALongAreRejected() {
        assertThatThrownBy(() -> Lexer.tokenize("a > 9223372036854775808", Dialect.SQL92))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("number 9223372036854775808 is too large for a long at position 4");
    }

    @Test
    void doublesThatOverflowAreRejected() {
        assertThatThrownBy(() -> Lexer.tokenize("1e999", Dialect.SQL92))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessageContaining("too large for a double");
    }

    @Test
    void leadingZerosAreRejected() {
        assertThatThrownBy(() -> Lexer.tokenize("a = 012", Dialect.SQL92))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("number 012 has a leading zero at position 4");
    }

    @Test
    void unterminatedStringsAndCommentsAreRejected() {
        assertThatThrownBy(() -> Lexer.tokenize("a = 'abc''", Dialect.SQL92))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("unterminated string literal at position 4");
        assertThatThrownBy(() -> Lexer.tokenize("a = 1 /* x *", Dialect.SQL92))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("unterminated comment at position 6");
    }

    @Test
    void charactersOutsideTheLanguageAreRejected() {
        assertThatThrownBy(() -> Lexer.tokenize("a != 1", Dialect.SQL92))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("unexpected character '!' at position 2");
        assertThatThrownBy(() -> Lexer.tokenize("\u00e9t\u00e9 = 1", Dialect.SQL92))
                .isInstanceOf(SelectorSyntaxException.class)
                .hasMessage("unexpected character U+00E9 at position 0");
    }

    private static List<TokenType> types(String source) {
        return Lexer.tokenize(source, Dialect.SQL92).stream().map(Token::type).toList();
    }

    private static Object jmsValue(String literal) {
        return value(literal, Dialect.JMS);
    }

    private static Object value(String literal) {
        return value(literal, Dialect.SQL92);
    }

    private static Object value(String literal, Dialect dialect) {
        List<Token> tokens = Lexer.tokenize(literal, dialect);
        assertThat(tokens).hasSize(2);
        return tokens.get(0).value();
    }
}
