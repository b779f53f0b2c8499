package dev.bolide.client.jms.session;

import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.ResponseCode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;

/**
 * A JMSException for a failure underneath (a RocketMQ request, say), linking its cause: a
 * {@link JMSSecurityException} when a broker's access control refused the request.
 */
public final class JmsFailure {
    /** How a RocketMQ 4.9 broker (and Bolide) words an ACL refusal, answered SYSTEM_ERROR. */
    private static final String ACL_REFUSAL = "AclException: ";

    private JmsFailure() {
    }

    public static JMSException of(String message, Throwable cause) {
        String text = message + ": " + cause.getMessage();
        JMSException failure = isAccessRefusal(cause) ? new JMSSecurityException(text) : new JMSException(text);
        if (cause instanceof Exception exception) {
            failure.setLinkedException(exception);
        }
        failure.initCause(cause);
        return failure;
    }

    private static boolean isAccessRefusal(Throwable cause) {
        return cause instanceof RocketMqException refused && refused.responseCode() == ResponseCode.SYSTEM_ERROR
                && refused.getMessage() != null && refused.getMessage().contains(ACL_REFUSAL);
    }
}
