package dev.bolide.protocol.selector;

/**
 * A value that cannot be computed, such as a property that is not a number where one is needed. It
 * stops the whole evaluation and the message does not match, as in RocketMQ 4.9.
 */
final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationException(String message) {
        // no stack trace: bad property values can fail on every message, and nobody reads the trace
        super(message, null, false, false);
    }
}
