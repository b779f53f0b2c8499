package dev.bolide.client.jms;

import jakarta.jms.JMSException;

/**
 * A half message the broker stored ({@link HalfMessageSession#sendHalf}): invisible to consumers until
 * committed. It is decided once, while the session that sent it is open (else
 * {@link jakarta.jms.IllegalStateException}); a decision that failed to reach the broker may be
 * retried, and is otherwise taken by the producer group's check-back.
 */
public interface HalfMessage {
    /** The JMSMessageID the message is delivered with once committed. */
    String getJMSMessageID();

    /** Delivers the message to its consumers. */
    void commit() throws JMSException;

    /** Discards the message. */
    void rollback() throws JMSException;
}
