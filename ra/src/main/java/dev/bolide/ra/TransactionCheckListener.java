package dev.bolide.ra;

import jakarta.jms.Message;

/**
 * The message-listener type of check-back beans: a message-driven bean implementing it, activated
 * with a {@code producerGroup}, answers the brokers' check-backs of that group's undecided half
 * messages (RocketMQ local transactions: send a half message, do the local work, commit or roll
 * back; the check-back asks when that decision did not reach the broker). Typically it looks the
 * business key of the message up in its database.
 *
 * <p>It lives beside the adapter class rather than in the client: it is a Connectors message-listener
 * type, named in {@code ra.xml} and reached by applications through the deployed adapter; a Java SE
 * program answers check-backs with the client's {@code dev.bolide.client.spi.CheckBackMember} instead.
 */
public interface TransactionCheckListener {
    /** What the broker is told to do with the half message. */
    enum Outcome {
        /** Deliver it to its consumers. */
        COMMIT,
        /** Discard it. */
        ROLLBACK,
        /** Not decided yet: the broker asks again later, up to its {@code transactionCheckMax}. */
        UNKNOWN
    }

    /**
     * @param halfMessage the half message as a Jakarta Messaging message (a {@code TextMessage} or
     *                    {@code BytesMessage}, with the producer's properties), read-only
     * @return the outcome; null or an exception count as {@link Outcome#UNKNOWN}
     */
    Outcome checkTransaction(Message halfMessage);
}
