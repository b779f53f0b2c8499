package dev.bolide.ra.outbound;

import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

/**
 * The server's local transaction on a managed connection: the session's sends between begin and
 * commit are half-messages, visible to consumers only after the commit and never after a rollback.
 */
final class BolideLocalTransaction implements LocalTransaction {
    private final ManagedSendPath sendPath;

    BolideLocalTransaction(ManagedSendPath sendPath) {
        this.sendPath = sendPath;
    }

    @Override
    public void begin() throws ResourceException {
        try {
            sendPath.begin();
        } catch (IllegalStateException e) {
            throw new LocalTransactionException(e.getMessage(), e);
        }
    }

    @Override
    public void commit() throws ResourceException {
        end(true);
    }

    @Override
    public void rollback() throws ResourceException {
        end(false);
    }

    private void end(boolean commit) throws ResourceException {
        try {
            sendPath.end(commit);
        } catch (IllegalStateException | JMSException e) {
            throw new LocalTransactionException((commit ? "commit" : "rollback") + " failed: " + e.getMessage(), e);
        }
    }
}
