package dev.bolide.ra.outbound;

import dev.bolide.client.jms.connection.BolideConnection;
import dev.bolide.client.jms.connection.ConnectionSettings;
import dev.bolide.client.jms.session.BolideSession;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * One physical Bolide connection and the one session its handles share (so handles that the server
 * shares within a transaction send in the same transaction). The server pools it: {@link #cleanup}
 * invalidates the handles and gives the session back fresh, {@link #destroy} closes the connection.
 * A lost broker connection is reported to the server as {@code CONNECTION_ERROR_OCCURRED}, and the
 * connection is no longer matched.
 */
public final class BolideManagedConnection implements ManagedConnection {
    private static final System.Logger LOG = System.getLogger(BolideManagedConnection.class.getName());

    private final BolideManagedConnectionFactory factory;
    private final PhysicalConnection physicalConnection;
    private final BolideConnection connection;
    private final ManagedSendPath sendPath;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ContainerConnection> handles = ConcurrentHashMap.newKeySet();
    private BolideSession session;
    private volatile boolean broken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    private BolideManagedConnection(BolideManagedConnectionFactory factory, PhysicalConnection physicalConnection,
            BolideConnection connection) {
        this.factory = factory;
        this.physicalConnection = physicalConnection;
        this.connection = connection;
        this.sendPath = new ManagedSendPath(connection.client());
    }

    static BolideManagedConnection open(BolideManagedConnectionFactory factory, PhysicalConnection physicalConnection,
            ConnectionSettings settings) throws ResourceException {
        BolideConnection connection;
        try {
            connection = BolideConnection.open(settings);
        } catch (JMSException e) {
            throw new ResourceException("cannot open a Bolide connection to " + settings.nameServers(), e);
        }
        BolideManagedConnection managed = new BolideManagedConnection(factory, physicalConnection, connection);
        try {
            connection.setExceptionListener(managed::brokerConnectionLost);
        } catch (JMSException e) {
            throw new ResourceException("cannot watch the new Bolide connection", e);
        }
        return managed;
    }

    private void brokerConnectionLost(JMSException failure) {
        broken = true;
        LOG.log(Level.WARNING, "Bolide managed connection lost its broker: {0}", failure.getMessage());
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, failure);
        listeners.forEach(listener -> listener.connectionErrorOccurred(event));
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo requestInfo) throws ResourceException {
        checkNotDestroyed();
        ContainerConnection handle = new ContainerConnection(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object handle) throws ResourceException {
        checkNotDestroyed();
        if (!(handle instanceof ContainerConnection moved)) {
            throw new ResourceException("not a Bolide connection handle: " + handle);
        }
        moved.managedConnection().handles.remove(moved);
        moved.associate(this);
        handles.add(moved);
    }

    /** Called by a handle the application closed. */
    void handleClosed(ContainerConnection handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    /** The session every handle's session works on, opened on first use. */
    synchronized BolideSession session() throws JMSException {
        if (session == null || session.isClosed()) {
            session = connection.createSession(Session.AUTO_ACKNOWLEDGE, sendPath);
        }
        return session;
    }

    BolideConnection connection() {
        return connection;
    }

    boolean inTransaction() {
        return sendPath.inTransaction();
    }

    /** Invalidates the handles, rolls back a transaction left open, closes the session and stops delivery. */
    @Override
    public void cleanup() throws ResourceException {
        checkNotDestroyed();
        handles.forEach(ContainerConnection::invalidate);
        handles.clear();
        try {
            sendPath.abandon();
            closeSession();
            connection.stop();
        } catch (JMSException e) {
            throw new ResourceException("cleanup of a Bolide connection failed", e);
        }
    }

    private synchronized void closeSession() throws JMSException {
        if (session != null) {
            BolideSession closing = session;
            session = null;
            closing.close();
        }
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        destroyed = true;
        handles.forEach(ContainerConnection::invalidate);
        handles.clear();
        try {
            sendPath.abandon();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.DEBUG, "rollback of an abandoned transaction failed, the broker times it out: {0}",
                    e.toString());
        }
        try {
            connection.close();
        } catch (JMSException e) {
            throw new ResourceException("closing a Bolide connection failed", e);
        }
    }

    private void checkNotDestroyed() throws ResourceException {
        if (destroyed) {
            throw new jakarta.resource.spi.IllegalStateException("the managed connection is destroyed");
        }
    }

    /** Whether the pool may hand it out again: not destroyed, and its broker connection not lost. */
    boolean isUsable() {
        return !destroyed && !broken;
    }

    BolideManagedConnectionFactory factory() {
        return factory;
    }

    PhysicalConnection physicalConnection() {
        return physicalConnection;
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Bolide connections support local transactions only in this version: "
                + "XA comes with the client's XA session");
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return new BolideLocalTransaction(sendPath);
    }

    @Override
    public ManagedConnectionMetaData getMetaData() throws ResourceException {
        try {
            ConnectionMetaData provider = connection.getMetaData();
            return new BolideManagedConnectionMetaData(provider.getJMSProviderName(), provider.getProviderVersion(),
                    physicalConnection.userName());
        } catch (JMSException e) {
            throw new ResourceException("the Bolide connection has no meta data", e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter logWriter) {
        this.logWriter = logWriter;
    }
}
