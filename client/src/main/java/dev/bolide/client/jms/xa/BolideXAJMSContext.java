package dev.bolide.client.jms.xa;

import dev.bolide.client.jms.connection.BolideConnection;
import dev.bolide.client.jms.context.BolideJMSContext;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.XAJMSContext;
import javax.transaction.xa.XAResource;

/**
 * A JMSContext over an XA session ({@link BolideXASession}): transacted, decided by a transaction
 * manager through {@link #getXAResource()}; its commit and rollback throw
 * TransactionInProgressRuntimeException.
 */
public final class BolideXAJMSContext extends BolideJMSContext implements XAJMSContext {
    private final BolideXASession session;

    private BolideXAJMSContext(BolideConnection connection, BolideXASession session) {
        super(connection, session, SESSION_TRANSACTED);
        this.session = session;
    }

    /** A context owning {@code connection}: closing the context closes it. */
    public static XAJMSContext open(BolideConnection connection) throws JMSException {
        try {
            return new BolideXAJMSContext(connection, connection.createXASession());
        } catch (JMSException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public JMSContext getContext() {
        checkOpen();
        return this;
    }

    @Override
    public XAResource getXAResource() {
        checkOpen();
        return session.getXAResource();
    }
}
