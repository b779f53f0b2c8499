package dev.bolide.protocol.selector;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of token of the selector dialects; each dialect knows a subset, its {@link Dialect#vocabulary()}. */
enum TokenType {
    NOT, AND, OR, BETWEEN, IN, LIKE, ESCAPE, TRUE, FALSE, NULL, IS,
    IDENTIFIER, STRING, INTEGER, FLOAT,
    EQUAL, NOT_EQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL,
    LEFT_PAREN, RIGHT_PAREN, COMMA, PLUS, MINUS, STAR, SLASH,
    END;

    /** The reserved words; they are matched case-insensitively and spelled like the constant's name. */
    static final Set<TokenType> KEYWORDS = EnumSet.range(NOT, IS);
}
