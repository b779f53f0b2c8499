package dev.bolide.protocol.selector;

import java.util.Arrays;

/**
 * A compiled LIKE pattern: {@code _} stands for one character, {@code %} for any sequence, and the
 * escape character makes the next {@code _}, {@code %} or escape character literal. Matching takes at
 * most (text length × pattern length) steps whatever the pattern, so that no selector can make the
 * broker backtrack exponentially (which a translation to a regular expression could).
 */
final class LikePattern {
    /** Pattern elements below zero are wildcards; the others are the characters to match. */
    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;

    private final String source;
    private final int[] elements;

    private LikePattern(String source, int[] elements) {
        this.source = source;
        this.elements = elements;
    }

    /**
     * @param escape the escape character, or {@code null} for none
     * @throws IllegalArgumentException when the escape character ends the pattern or precedes another character
     */
    static LikePattern compile(String pattern, Character escape) {
        int[] elements = new int[pattern.length()];
        int count = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                elements[count++] = escaped(pattern, ++i, escape);
            } else {
                elements[count++] = c == '_' ? ANY_ONE : c == '%' ? ANY_SEQUENCE : c;
            }
        }
        return new LikePattern(pattern, Arrays.copyOf(elements, count));
    }

    private static int escaped(String pattern, int index, char escape) {
        if (index >= pattern.length()) {
            throw new IllegalArgumentException("the escape character ends the pattern");
        }
        char c = pattern.charAt(index);
        if (c != '_' && c != '%' && c != escape) {
            throw new IllegalArgumentException("the escape character may only precede _, % or itself");
        }
        return c;
    }

    /**
     * Whether the whole of {@code text} matches. On a mismatch it retries from the last {@code %},
     * one character further into the text: a later {@code %} can absorb anything an earlier one could.
     */
    boolean matches(String text) {
        int t = 0;
        int p = 0;
        int lastSequence = -1;
        int resumeAt = 0;
        while (t < text.length()) {
            if (p < elements.length && (elements[p] == ANY_ONE || elements[p] == text.charAt(t))) {
                t++;
                p++;
            } else if (p < elements.length && elements[p] == ANY_SEQUENCE) {
                lastSequence = p++;
                resumeAt = t;
            } else if (lastSequence >= 0) {
                p = lastSequence + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == elements.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LikePattern pattern && Arrays.equals(elements, pattern.elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return source;
    }
}
