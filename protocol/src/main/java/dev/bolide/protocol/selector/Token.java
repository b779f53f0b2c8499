package dev.bolide.protocol.selector;

/**
 * One token: its kind, its text as written, the index of its first character and, for literals, the
 * value it denotes (String, Integer, Long or Double, or {@link Lexer#LONG_MIN_MAGNITUDE}); {@code null}
 * for other tokens.
 */
record Token(TokenType type, String text, int position, Object value) {
    /** Longest token text quoted in full in an error message. */
    private static final int QUOTED_LENGTH = 40;

    int end() {
        return position + text.length();
    }

    /** How an error message names this token. */
    String describe() {
        if (type == TokenType.END) {
            return "end of expression";
        }
        String shown = text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH - 3) + "...";
        // a string literal's text already carries its quotes
        return type == TokenType.STRING ? shown : "'" + shown + "'";
    }
}
