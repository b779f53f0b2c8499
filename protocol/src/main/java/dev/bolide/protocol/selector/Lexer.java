package dev.bolide.protocol.selector;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits a selector into tokens, ending with an {@link TokenType#END} token. Blanks and comments
 * ({@code -- to end of line} and {@code /* ... *}{@code /}) separate tokens and are dropped.
 *
 * <p>Literals are decoded here: a string loses its quotes and {@code ''} becomes one quote; a whole
 * number ({@code 0} or digits without a leading zero, optionally suffixed {@code l} or {@code L})
 * becomes an Integer when it fits, else a Long; a number with a fraction or an exponent
 * ({@code 5.5}, {@code 5.}, {@code .5}, {@code 5E3}) becomes a Double. {@code *} and {@code /} are
 * operators only in a dialect with arithmetic; elsewhere they are unexpected characters, as in 4.9.
 *
 * <p>Jakarta Messaging's numbers are Java's (3.1, section 3.8.1.1), so its dialect also reads octal
 * ({@code 035}) and hexadecimal ({@code 0x1d}) whole numbers, which are ints unless suffixed {@code L}
 * (so {@code 0xFFFFFFFF} is -1, as in Java), and the suffixes {@code f}, {@code F}, {@code d} and
 * {@code D} of floating-point numbers. RocketMQ 4.9 removed octal and hexadecimal from its grammar,
 * so in SQL92 a leading zero stays an error.
 */
final class Lexer {
    /**
     * The value of the literal {@code 9223372036854775808}, which (as in Java) is a number only as
     * the operand of a unary minus: {@code -9223372036854775808} is Long.MIN_VALUE. The parser decides.
     */
    static final BigInteger LONG_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(63);
    private static final Map<String, TokenType> KEYWORDS = keywordsBySpelling();

    private final String source;
    private final Set<TokenType> vocabulary;
    /** Jakarta Messaging's identifiers and numbers are Java's. */
    private final boolean javaLexicon;
    private int pos;

    private Lexer(String source, Dialect dialect) {
        this.source = source;
        this.vocabulary = dialect.vocabulary();
        this.javaLexicon = dialect.jmsGrammar();
    }

    /**
     * The tokens of {@code source} in {@code dialect}: another dialect's keyword is an identifier here,
     * another dialect's operator an unexpected character. SQL92 identifiers are ASCII letters, digits,
     * {@code _} and {@code $} (as in 4.9); Jakarta Messaging's are Java identifiers.
     */
    static List<Token> tokenize(String source, Dialect dialect) {
        return new Lexer(source, dialect).tokens();
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        skipBlanksAndComments();
        while (pos < source.length()) {
            tokens.add(token());
            skipBlanksAndComments();
        }
        tokens.add(new Token(TokenType.END, "", pos, null));
        return tokens;
    }

    private void skipBlanksAndComments() {
        while (pos < source.length()) {
            if (isBlank(source.charAt(pos))) {
                pos++;
            } else if (source.startsWith("--", pos)) {
                skipLineComment();
            } else if (source.startsWith("/*", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** A line comment may also end the expression without a line break (4.9 insists on one). */
    private void skipLineComment() {
        while (pos < source.length() && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int close = source.indexOf("*/", pos + 2);
        if (close < 0) {
            throw new SelectorSyntaxException("unterminated comment", pos);
        }
        pos = close + 2;
    }

    private Token token() {
        char c = source.charAt(pos);
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || c == '.' && isDigit(charAt(pos + 1))) {
            return number();
        }
        if (isIdentifierStart(c)) {
            return word();
        }
        return operator();
    }

    private Token string() {
        int start = pos;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            int quote = source.indexOf('\'', pos);
            if (quote < 0) {
                throw new SelectorSyntaxException("unterminated string literal", start);
            }
            value.append(source, pos, quote);
            pos = quote + 1;
            if (charAt(pos) != '\'') {
                return new Token(TokenType.STRING, source.substring(start, pos), start, value.toString());
            }
            value.append('\'');
            pos++;
        }
    }

    private Token number() {
        int start = pos;
        if (javaLexicon && hexadecimalFollows()) {
            return hexadecimal(start);
        }
        skipDigits();
        boolean fraction = charAt(pos) == '.';
        if (fraction) {
            pos++;
            skipDigits();
        }
        boolean exponent = exponentFollows();
        if (exponent) {
            pos += isDigit(charAt(pos + 1)) ? 1 : 2;
            skipDigits();
        }
        boolean floatSuffix = javaLexicon && isFloatSuffix(charAt(pos));
        if (floatSuffix) {
            pos++;
        }
        return fraction || exponent || floatSuffix ? floating(start) : integer(start);
    }

    /** {@code 0x} or {@code 0X} and a hexadecimal digit; otherwise the {@code 0} is a number of its own. */
    private boolean hexadecimalFollows() {
        return source.charAt(pos) == '0' && (charAt(pos + 1) == 'x' || charAt(pos + 1) == 'X')
                && Character.digit(charAt(pos + 2), 16) >= 0;
    }

    private Token hexadecimal(int start) {
        pos += 2;
        while (Character.digit(charAt(pos), 16) >= 0) {
            pos++;
        }
        return radixInteger(start, source.substring(start + 2, pos), 16);
    }

    private static boolean isFloatSuffix(char c) {
        return c == 'f' || c == 'F' || c == 'd' || c == 'D';
    }

    /** {@code E} or {@code e}, an optional sign, then a digit; otherwise the letter starts the next token. */
    private boolean exponentFollows() {
        char c = charAt(pos);
        if (c != 'e' && c != 'E') {
            return false;
        }
        char next = charAt(pos + 1);
        return isDigit(next) || (next == '+' || next == '-') && isDigit(charAt(pos + 2));
    }

    private Token floating(int start) {
        String text = source.substring(start, pos);
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw tooLarge(text, "a double", start);
        }
        return new Token(TokenType.FLOAT, text, start, value);
    }

    private Token integer(int start) {
        String digits = source.substring(start, pos);
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            if (!javaLexicon) {
                // 4.9 would read 0 and then 12 and fail on the second number; saying why is kinder
                throw new SelectorSyntaxException("number " + digits + " has a leading zero", start);
            }
            return radixInteger(start, digits.substring(1), 8);
        }
        acceptLongSuffix();
        String text = source.substring(start, pos);
        if (javaLexicon && digits.equals(LONG_MIN_MAGNITUDE.toString())) {
            return new Token(TokenType.INTEGER, text, start, LONG_MIN_MAGNITUDE);
        }
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw tooLarge(text, "a long", start);
        }
        return new Token(TokenType.INTEGER, text, start, narrowest(value));
    }

    /**
     * An octal or hexadecimal whole number, whose {@code digits} follow its prefix: as in Java, an int
     * of up to 32 bits (the highest one the sign) unless suffixed {@code L}, then a long of up to 64.
     */
    private Token radixInteger(int start, String digits, int radix) {
        boolean longSuffix = acceptLongSuffix();
        String text = source.substring(start, pos);
        try {
            if (longSuffix) {
                return new Token(TokenType.INTEGER, text, start, narrowest(Long.parseUnsignedLong(digits, radix)));
            }
            return new Token(TokenType.INTEGER, text, start, Integer.parseUnsignedInt(digits, radix));
        } catch (NumberFormatException e) {
            String kind = radix == 8 ? "an octal " : "a hexadecimal ";
            throw new SelectorSyntaxException("number " + text + " is not " + kind + (longSuffix ? "long" : "int"),
                    start);
        }
    }

    private boolean acceptLongSuffix() {
        if (charAt(pos) == 'l' || charAt(pos) == 'L') {
            pos++;
            return true;
        }
        return false;
    }

    private static SelectorSyntaxException tooLarge(String text, String type, int start) {
        return new SelectorSyntaxException("number " + text + " is too large for " + type, start);
    }

    /** Not a conditional expression: {@code ?:} would unbox both branches and widen the Integer to a Long. */
    private static Number narrowest(long value) {
        if (value == (int) value) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }

    private Token word() {
        int start = pos;
        do {
            pos++;
        } while (isIdentifierPart(charAt(pos)));
        String text = source.substring(start, pos);
        TokenType type = KEYWORDS.getOrDefault(text.toUpperCase(Locale.ROOT), TokenType.IDENTIFIER);
        return new Token(vocabulary.contains(type) ? type : TokenType.IDENTIFIER, text, start, null);
    }

    private Token operator() {
        char c = source.charAt(pos);
        char next = charAt(pos + 1);
        return switch (c) {
            case '=' -> symbol(TokenType.EQUAL, 1);
            case '<' -> next == '>' ? symbol(TokenType.NOT_EQUAL, 2)
                    : next == '=' ? symbol(TokenType.LESS_OR_EQUAL, 2) : symbol(TokenType.LESS, 1);
            case '>' -> next == '=' ? symbol(TokenType.GREATER_OR_EQUAL, 2) : symbol(TokenType.GREATER, 1);
            case '(' -> symbol(TokenType.LEFT_PAREN, 1);
            case ')' -> symbol(TokenType.RIGHT_PAREN, 1);
            case ',' -> symbol(TokenType.COMMA, 1);
            case '+' -> symbol(TokenType.PLUS, 1);
            case '-' -> symbol(TokenType.MINUS, 1);
            case '*' -> symbol(TokenType.STAR, 1);
            case '/' -> symbol(TokenType.SLASH, 1);
            default -> throw unexpectedCharacter();
        };
    }

    private SelectorSyntaxException unexpectedCharacter() {
        return new SelectorSyntaxException("unexpected character " + describe(source.charAt(pos)), pos);
    }

    private Token symbol(TokenType type, int length) {
        if (!vocabulary.contains(type)) {
            throw unexpectedCharacter();
        }
        Token token = new Token(type, source.substring(pos, pos + length), pos, null);
        pos += length;
        return token;
    }

    private void skipDigits() {
        while (isDigit(charAt(pos))) {
            pos++;
        }
    }

    /** The character at {@code index}, or NUL past the end, which no token rule accepts. */
    private char charAt(int index) {
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean isIdentifierStart(char c) {
        if (javaLexicon) {
            return Character.isJavaIdentifierStart(c);
        }
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    /** Java's "ignorable" characters (controls such as NUL) are left out: they cannot be seen in a name. */
    private boolean isIdentifierPart(char c) {
        if (javaLexicon) {
            return Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
        }
        return isIdentifierStart(c) || isDigit(c);
    }

    private static String describe(char c) {
        return c > ' ' && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static Map<String, TokenType> keywordsBySpelling() {
        Map<String, TokenType> keywords = new HashMap<>();
        for (TokenType keyword : TokenType.KEYWORDS) {
            keywords.put(keyword.name(), keyword);
        }
        return Map.copyOf(keywords);
    }
}
