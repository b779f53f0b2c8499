package dev.bolide.protocol.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random token soups and mutated valid selectors: each either compiles, and then evaluates without
 * throwing, or is rejected with a {@link SelectorSyntaxException} pointing inside the expression.
 * Nothing else escapes. Both dialects, from one vocabulary that mixes their words.
 */
class SelectorFuzzTest {
    private static final long SEED = 0x5E1EC7025L;
    private static final int ROUNDS = 4000;

    private static final String[] VOCABULARY = {
        "a", "b", "TAGS", "$x_1", "NOT", "not", "AND", "and", "OR", "Or", "BETWEEN", "IN", "TRUE", "false", "NULL",
        "IS", "LIKE", "=", "<>", ">", ">=", "<", "<=", "(", ")", ",", "+", "-", "0", "5", "5L", "5.5", "5.", ".5",
        "1e3", "1e", "012", "2147483648", "99999999999999999999", "1e999", "'abc'", "'it''s'", "''", "'", "'10'",
        "-- c\n", "--", "/* c */", "/*", "*/", "*", "/", "!", ".", "\"", "\u00e9", "\u0000", "\n", " ", "  ",
        "ESCAPE", "'\\'", "'%a_'", "JMSType", "JMSPriority", "JMSTimestamp", "JMSExpiration", "JMSX_a"};

    private static final List<String> VALID_SQL92 = List.of(
            "a > 5 AND b = 'abc'", "a between 0 and 3", "a IS NULL", "TAGS IN ('TagA','TagB')",
            "x NOT IN ('1')", "NOT (a > 5)", "b <> 'zz'", "a > 5.5", "a > 99999999999", "a >= b",
            "a > 5 OR b = 'abc'", "(a = 1 OR b IS NOT NULL) AND c NOT BETWEEN -1 AND 1.5e2", "f = TRUE", "f");

    private static final List<String> VALID_JMS = List.of(
            "JMSType = 'car' AND color = 'blue' AND weight > 2500", "b LIKE '12%3'", "b NOT LIKE '\\_%' ESCAPE '\\'",
            "a * b / (c - 1) > -100.0", "NOT a BETWEEN 15 AND 19", "JMSPriority >= 4 OR JMSTimestamp < 5",
            "x IN ('UK','US') AND f", "a / 0 = 1 OR b IS NOT NULL", "JMSX_a = TRUE AND a + 1 = 2.0");

    private static final List<Map<String, String>> MESSAGES = List.of(
            Map.of(), Map.of("a", "10", "b", "abc"), Map.of("a", "abc", "b", "5", "f", "true", "TAGS", "TagA"),
            Map.of("a", "-1.5e300", "b", "99999999999", "c", "0", "x", "1", "$x_1", "'"),
            Map.of("a", "10", "b", "1.5", "c", "1", "f", "true", "JMSX_a", "x", "BOLIDE_JMS_TYPES", "a:I,b:D,c:J,f:Z"),
            Map.of("a", "abc", "b", "", "BOLIDE_JMS_TYPES", "a:I,b:F,:,x", "JMS_PRIORITY", "high"));

    /** A dialect under test: how to compile, and selectors to mutate. */
    enum Language {
        SQL92(Selector::compileSql92, VALID_SQL92), JMS(Selector::compileJms, VALID_JMS);

        private final Function<String, Selector> compiler;
        private final List<String> valid;

        Language(Function<String, Selector> compiler, List<String> valid) {
            this.compiler = compiler;
            this.valid = valid;
        }
    }

    private final Random random = new Random(SEED);

    @ParameterizedTest
    @EnumSource(Language.class)
    void randomTokenSoupsCompileOrFailCleanly(Language language) {
        int compiled = 0;
        for (int round = 0; round < ROUNDS; round++) {
            compiled += check(language, tokenSoup());
        }
        assertThat(compiled).as("some soups must form selectors").isPositive().isLessThan(ROUNDS);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void mutatedSelectorsCompileOrFailCleanly(Language language) {
        int compiled = 0;
        for (int round = 0; round < ROUNDS; round++) {
            compiled += check(language, mutate(language.valid.get(random.nextInt(language.valid.size()))));
        }
        assertThat(compiled).as("some mutants must still compile").isPositive().isLessThan(ROUNDS);
    }

    /** 1 when {@code expression} compiled, 0 when it was rejected cleanly. */
    private static int check(Language language, String expression) {
        Selector selector;
        try {
            selector = language.compiler.apply(expression);
        } catch (SelectorSyntaxException e) {
            assertThat(e.position()).as(expression).isBetween(0, expression.length());
            return 0;
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("seed " + SEED + ": compiling <" + expression + "> threw " + e, e);
        }
        for (Map<String, String> message : MESSAGES) {
            try {
                selector.matches(message, 42L);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + SEED + ": <" + expression + "> on " + message + " threw " + e, e);
            }
        }
        return 1;
    }

    private String tokenSoup() {
        StringBuilder soup = new StringBuilder();
        int tokens = 1 + random.nextInt(12);
        for (int i = 0; i < tokens; i++) {
            soup.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
            if (random.nextBoolean()) {
                soup.append(' ');
            }
        }
        return soup.toString();
    }

    private String mutate(String valid) {
        StringBuilder mutant = new StringBuilder(valid);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && mutant.length() > 0; i++) {
            int at = random.nextInt(mutant.length());
            switch (random.nextInt(4)) {
                case 0 -> mutant.deleteCharAt(at);
                case 1 -> mutant.insert(at, VOCABULARY[random.nextInt(VOCABULARY.length)]);
                case 2 -> mutant.setCharAt(at, (char) (' ' + random.nextInt(95)));
                default -> mutant.setLength(at);
            }
        }
        return mutant.toString();
    }
}
