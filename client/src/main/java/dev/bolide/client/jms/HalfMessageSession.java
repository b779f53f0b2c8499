package dev.bolide.client.jms;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Bolide's extension for RocketMQ's local transactions, which Jakarta Messaging has no API for: send
 * a half message, do the local work, then {@link HalfMessage#commit() commit} it (consumers get it)
 * or {@link HalfMessage#rollback() roll it back} (nobody ever does). When neither reaches the broker
 * (the application died, say), the broker checks back with a live producer of {@code producerGroup}:
 * a check-back bean of the resource adapter ({@code TransactionCheckListener}) or
 * {@code RocketMqClient.onTransactionCheck} answers it, typically by looking for the local work's
 * result. Sending a half message does not make the session such a producer.
 *
 * <p>Implemented by Bolide's sessions and contexts and by the resource adapter's session handles.
 * A session whose sends are in a transaction already (a transacted session, an XA session in a
 * global transaction) refuses it with an {@link jakarta.jms.IllegalStateException}: its transaction
 * makes its sends atomic, use that.
 */
public interface HalfMessageSession {
    /**
     * Sends {@code message} to {@code destination} as a half message of {@code producerGroup}, with
     * the headers a producer's defaults give (persistent, priority 4, no expiration, no delay),
     * waiting until the broker stored it.
     */
    HalfMessage sendHalf(Destination destination, Message message, String producerGroup) throws JMSException;
}
