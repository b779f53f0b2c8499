package dev.bolide.ra.outbound;

import dev.bolide.client.spi.AdapterContexts;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/**
 * The connection factory an application looks up or has injected: every connection and context comes
 * from the server's {@link ConnectionManager} (its pool and transaction enlistment) as a
 * {@link ContainerConnection} handle. Serializable and Referenceable, as the server binds it in JNDI.
 */
public final class ContainerConnectionFactory implements ConnectionFactory, QueueConnectionFactory,
        TopicConnectionFactory, Serializable, Referenceable {
    private static final long serialVersionUID = 1L;

    private final BolideManagedConnectionFactory managedFactory;
    private final ConnectionManager connectionManager;
    private Reference reference;

    ContainerConnectionFactory(BolideManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    private ContainerConnection allocate(String userName, String password) throws JMSException {
        try {
            return (ContainerConnection) connectionManager.allocateConnection(managedFactory,
                    new ConnectionRequest(userName, password));
        } catch (ResourceException e) {
            JMSException failure = new JMSException("no Bolide connection: " + e.getMessage());
            failure.setLinkedException(e);
            failure.initCause(e);
            throw failure;
        }
    }

    /**
     * The name servers its connections go to: the connection definition's {@code nameServers}, else
     * the adapter's (an activation's {@code connectionFactoryLookup} takes them from here).
     */
    public String nameServers() throws ResourceException {
        return managedFactory.resolvedNameServers();
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate(null, null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return allocate(userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return allocate(null, null);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return allocate(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return allocate(null, null);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return allocate(userName, password);
    }

    @Override
    public JMSContext createContext() {
        return createContext(null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(null, null, sessionMode);
    }

    /** A context over a pooled connection; as for sessions, the mode is the container's, not {@code sessionMode}. */
    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        try {
            return AdapterContexts.open(allocate(userName, password), sessionMode);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
