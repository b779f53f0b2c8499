package dev.bolide.client.jms.session;

import jakarta.jms.JMSException;

/** A JMSException for a failure underneath (a RocketMQ request, say), linking its cause. */
public final class JmsFailure {
    private JmsFailure() {
    }

    public static JMSException of(String message, Throwable cause) {
        JMSException failure = new JMSException(message + ": " + cause.getMessage());
        if (cause instanceof Exception exception) {
            failure.setLinkedException(exception);
        }
        failure.initCause(cause);
        return failure;
    }
}
