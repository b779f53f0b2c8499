package dev.bolide.ra.outbound;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.jms.session.DirectSendPath;
import dev.bolide.client.jms.session.MessageSendPath;
import dev.bolide.client.jms.session.TransactedSendPath;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.SendResult;
import jakarta.jms.JMSException;
import java.util.concurrent.CompletableFuture;

/**
 * How the session of a managed connection sends: at once outside a transaction (the container's
 * auto-acknowledged session), as half-messages of a transacted session's branch while the server
 * runs a local transaction on the connection. The transaction is the server's to begin and end; the
 * session's own commit and rollback are refused before they get here.
 */
final class ManagedSendPath implements MessageSendPath {
    private final RocketMqClient client;
    private final MessageSendPath direct;
    private volatile TransactedSendPath transaction;

    ManagedSendPath(RocketMqClient client) {
        this.client = client;
        this.direct = new DirectSendPath(client);
    }

    @Override
    public CompletableFuture<SendResult> send(OutgoingRecord record) throws JMSException {
        MessageSendPath current = transaction;
        return (current == null ? direct : current).send(record);
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }

    boolean inTransaction() {
        return transaction != null;
    }

    synchronized void begin() {
        if (transaction != null) {
            throw new IllegalStateException("a local transaction is already active on this connection");
        }
        transaction = new TransactedSendPath(client);
    }

    /** Ends the transaction, committing (one phase, broker by broker) or rolling back its sends. */
    synchronized void end(boolean commit) throws JMSException {
        TransactedSendPath ending = transaction;
        if (ending == null) {
            throw new IllegalStateException("no local transaction is active on this connection");
        }
        transaction = null;
        if (commit) {
            ending.commit();
        } else {
            ending.rollback();
        }
    }

    /** Rolls back a transaction the server left open (cleanup of a connection given back mid-transaction). */
    synchronized void abandon() throws JMSException {
        if (transaction != null) {
            end(false);
        }
    }
}
