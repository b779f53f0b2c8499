package dev.bolide.protocol.selector;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What sets one selector language apart from the other; the lexer, the parser and the tree are shared.
 *
 * @param vocabulary the token types the dialect knows
 * @param rules how values compare (the one difference in evaluation)
 * @param jmsGrammar whether NOT binds looser than comparisons, arithmetic and LIKE exist, reversed
 *        BETWEEN bounds are merely empty (not an error) and header identifiers are checked (Jakarta
 *        Messaging, whose identifiers are also Java's), rather than RocketMQ 4.9's SQL92
 * @param identifiers which identifiers may name a value
 * @param reader how the wire properties of a message (strings) and its born timestamp are seen
 */
record Dialect(Set<TokenType> vocabulary, ValueRules rules, boolean jmsGrammar,
        IdentifierCheck identifiers, WireReader reader) {

    static final Dialect SQL92 = new Dialect(
            EnumSet.complementOf(EnumSet.of(TokenType.LIKE, TokenType.ESCAPE, TokenType.STAR, TokenType.SLASH)),
            Sql92Rules.INSTANCE, false, name -> null, (properties, bornTimestamp) -> properties::get);

    static final Dialect JMS = new Dialect(EnumSet.allOf(TokenType.class), JmsRules.INSTANCE, true,
            JmsMessageContext::identifierProblem, JmsMessageContext::new);

    /** Checks an identifier where the parser reads it. */
    @FunctionalInterface
    interface IdentifierCheck {
        /** Why {@code name} cannot be used, or {@code null} when it can. */
        String problem(String name);
    }

    /** Sees a message given as the strings of its wire properties. */
    @FunctionalInterface
    interface WireReader {
        /** @param bornTimestamp milliseconds, or {@code null} when the caller does not know it */
        SelectorContext read(Map<String, String> properties, Long bornTimestamp);
    }
}
