package dev.bolide.client.jms.xa;

import dev.bolide.client.jms.session.BolideSession;
import dev.bolide.client.jms.session.DirectSendPath;
import dev.bolide.client.jms.session.SessionConnection;
import dev.bolide.client.jms.session.SessionDomain;
import dev.bolide.client.spi.AdapterSession;
import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XATopicSession;
import javax.transaction.xa.XAResource;

/**
 * An XA session: while its {@link #getXAResource() XAResource} is associated with a branch, sends are
 * half messages of the branch and receives are acknowledged when the branch commits, delivered again
 * when it rolls back. Outside a global transaction it behaves as a non-transacted AUTO_ACKNOWLEDGE
 * session. It reports itself transacted (as {@code XASession.getTransacted} is specified), and its
 * own commit and rollback are refused: the transaction manager decides.
 */
public final class BolideXASession extends BolideSession implements XAQueueSession, XATopicSession, AdapterSession {
    private final BolideXAResource resource;

    public BolideXASession(SessionConnection connection) throws JMSException {
        this(connection, new BolideXAResource(connection.client(), connection.settings().nameServers()));
    }

    private BolideXASession(SessionConnection connection, BolideXAResource resource) throws JMSException {
        super(connection, AUTO_ACKNOWLEDGE, SessionDomain.BOTH, new BranchSendPath(resource, new DirectSendPath(connection.client())),
                new BranchReceives(resource));
        this.resource = resource;
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    @Override
    public boolean inBranch() {
        return resource.inBranch();
    }

    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return true;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return SESSION_TRANSACTED;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("an XA session is committed by its transaction manager, "
                + "through its XAResource");
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("an XA session is rolled back by its transaction manager, "
                + "through its XAResource");
    }
}
