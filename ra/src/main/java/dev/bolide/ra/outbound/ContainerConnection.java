package dev.bolide.ra.outbound;

import dev.bolide.client.spi.AdapterSession;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

/**
 * The connection handle an application gets from a pooled factory (Jakarta Messaging 3.1, 12.2):
 * one session at a time; no client id, exception listener, {@code stop} or connection consumers;
 * {@code close} gives the managed connection back to the server's pool.
 */
public final class ContainerConnection implements QueueConnection, TopicConnection {
    private volatile BolideManagedConnection managed;
    private volatile ContainerSession session;
    private volatile boolean closed;

    ContainerConnection(BolideManagedConnection managed) {
        this.managed = managed;
    }

    BolideManagedConnection managedConnection() {
        return managed;
    }

    /** The server moved this handle to another managed connection (Connectors 2.1, 6.5.4.4). */
    void associate(BolideManagedConnection to) {
        managed = to;
    }

    /** The managed connection was cleaned up or destroyed: this handle and its session are unusable. */
    void invalidate() {
        closed = true;
        ContainerSession current = session;
        if (current != null) {
            current.invalidate();
        }
    }

    AdapterSession managedSession() throws JMSException {
        checkOpen();
        return managed.session();
    }

    boolean inTransaction() {
        return managed.inTransaction();
    }

    void sessionClosed(ContainerSession closedSession) {
        if (session == closedSession) {
            session = null;
        }
    }

    // --- sessions: one at a time

    @Override
    public synchronized Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        checkOpen();
        if (session != null) {
            throw new IllegalStateException("a connection has at most one session in a Jakarta EE web or EJB "
                    + "container: close the first one, or use another connection");
        }
        session = new ContainerSession(this);
        return session;
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (QueueSession) createSession(transacted, acknowledgeMode);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return (TopicSession) createSession(transacted, acknowledgeMode);
    }

    // --- what the connection allows

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return managed.connection().getClientID();
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return managed.connection().getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        managed.connection().start();
    }

    /** Gives the managed connection back: closes the session handle, then tells the server. */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        ContainerSession current = session;
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            managed.handleClosed(this);
        }
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the connection is closed");
        }
    }

    // --- what the container forbids

    @Override
    public void setClientID(String clientID) throws JMSException {
        throw forbidden("setClientID");
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        throw forbidden("setExceptionListener");
    }

    @Override
    public void stop() throws JMSException {
        throw forbidden("stop");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw forbidden("createSharedDurableConnectionConsumer");
    }

    private static IllegalStateException forbidden(String method) {
        return new IllegalStateException(method + " is not allowed in a Jakarta EE web or EJB container "
                + "(Jakarta Messaging 3.1, 12.2)");
    }
}
