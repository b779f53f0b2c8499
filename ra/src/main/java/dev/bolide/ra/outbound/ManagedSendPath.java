package dev.bolide.ra.outbound;

import dev.bolide.client.jms.mapping.OutgoingRecord;
import dev.bolide.client.jms.session.JmsFailure;
import dev.bolide.client.jms.session.MessageSendPath;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.SendResult;
import jakarta.jms.JMSException;
import java.util.concurrent.CompletableFuture;

/**
 * How the session of a managed connection sends: at once outside a transaction (the container's
 * auto-acknowledged session), as half-messages of the {@link LocalBranch} while the server runs a
 * local transaction on the connection. The transaction is the server's to begin and end; the
 * session's own commit and rollback are refused before they get here.
 */
final class ManagedSendPath implements MessageSendPath {
    private final RocketMqClient client;
    private volatile LocalBranch branch;

    ManagedSendPath(RocketMqClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<SendResult> send(OutgoingRecord record) throws JMSException {
        OutgoingMessage message = OutgoingMessage.of(record.topic(), record.body(), record.properties());
        LocalBranch current = branch;
        if (current == null) {
            return client.sendAsync(LocalBranch.PRODUCER_GROUP, message, null);
        }
        try {
            return CompletableFuture.completedFuture(current.send(message));
        } catch (RocketMqException e) {
            throw JmsFailure.of("the transaction's send failed", e);
        }
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }

    boolean inTransaction() {
        return branch != null;
    }

    synchronized void begin() {
        if (branch != null) {
            throw new IllegalStateException("a local transaction is already active on this connection");
        }
        branch = new LocalBranch(client.branches());
    }

    /** Ends the transaction, committing or rolling back its branch. */
    synchronized void end(boolean commit) {
        LocalBranch ending = branch;
        if (ending == null) {
            throw new IllegalStateException("no local transaction is active on this connection");
        }
        branch = null;
        if (commit) {
            ending.commit();
        } else {
            ending.rollback();
        }
    }

    /** Rolls back a transaction the server left open (cleanup of a connection given back mid-transaction). */
    synchronized void abandon() {
        if (branch != null) {
            end(false);
        }
    }
}
