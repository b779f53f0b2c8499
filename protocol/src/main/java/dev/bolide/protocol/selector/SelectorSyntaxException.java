package dev.bolide.protocol.selector;

/**
 * A selector expression that cannot be compiled: a lexical or grammar error, or one of the checks
 * RocketMQ 4.9 makes while compiling (such as comparing a string with {@code >}). The message says
 * what is wrong and ends with the position where it was found.
 */
public class SelectorSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int position;

    SelectorSyntaxException(String problem, int position) {
        super(problem + " at position " + position);
        this.position = position;
    }

    /** Zero-based index of the character of the expression at which the problem was found. */
    public int position() {
        return position;
    }
}
