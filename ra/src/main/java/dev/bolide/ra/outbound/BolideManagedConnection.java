package dev.bolide.ra.outbound;

import dev.bolide.client.spi.AdapterConnection;
import dev.bolide.client.spi.AdapterSession;
import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.ra.metrics.AdapterMetrics;
import dev.bolide.ra.metrics.ConnectionMeters;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.SecurityException;
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
 * One physical Bolide connection and its one XA session, which the handles share (so handles that
 * the server shares within a transaction work in the same transaction). Outside a transaction the
 * session sends at once and acknowledges each receive; while the server has its XA resource in a
 * branch (or runs the local transaction, a branch of the same resource) sends are half-messages and
 * receives are settled with the branch. The server pools it: {@link #cleanup} invalidates the
 * handles, {@link #destroy} closes the connection. A lost broker connection is reported to the server
 * as {@code CONNECTION_ERROR_OCCURRED}, and the connection is no longer matched.
 */
public final class BolideManagedConnection implements ManagedConnection {
    private static final System.Logger LOG = System.getLogger(BolideManagedConnection.class.getName());

    private final BolideManagedConnectionFactory factory;
    private final PhysicalConnection physicalConnection;
    private final AdapterConnection connection;
    private final AdapterSession session;
    private final ConnectionSettings settings;
    private final XAResource xaResource;
    /** What the server enlists: the connection's resource, usable after destroy, its branches counted. */
    private final XAResource serverXaResource;
    private final ConnectionMeters meters;
    private final BolideLocalTransaction localTransaction;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ContainerConnection> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean broken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    private BolideManagedConnection(BolideManagedConnectionFactory factory, PhysicalConnection physicalConnection,
            ConnectionSettings settings, AdapterConnection connection, AdapterSession session) {
        this.factory = factory;
        this.physicalConnection = physicalConnection;
        this.settings = settings;
        this.connection = connection;
        this.session = session;
        this.xaResource = session.getXAResource();
        AdapterMetrics metrics = factory.metrics();
        this.serverXaResource = metrics.branches().counting(new ManagedXAResource(this, xaResource));
        this.meters = metrics.connections();
        this.localTransaction = new BolideLocalTransaction(xaResource);
        meters.created();
    }

    static BolideManagedConnection open(BolideManagedConnectionFactory factory, PhysicalConnection physicalConnection,
            ConnectionSettings settings) throws ResourceException {
        AdapterConnection connection;
        try {
            connection = AdapterConnection.open(settings, physicalConnection.userName(), physicalConnection.password());
        } catch (JMSSecurityException e) {
            throw new SecurityException("Bolide connection: " + e.getMessage(), e);
        } catch (JMSException e) {
            throw new ResourceException("cannot open a Bolide connection to " + settings.nameServers(), e);
        }
        try {
            BolideManagedConnection managed = new BolideManagedConnection(factory, physicalConnection, settings,
                    connection, connection.createXASession());
            connection.setExceptionListener(managed::brokerConnectionLost);
            return managed;
        } catch (JMSException e) {
            closeQuietly(connection);
            throw new ResourceException("cannot set up the new Bolide connection", e);
        }
    }

    private static void closeQuietly(AdapterConnection connection) {
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.log(Level.DEBUG, "closing a Bolide connection that failed to set up: {0}", e.toString());
        }
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
        meters.handleOpened();
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
        if (handles.remove(handle)) {
            meters.handlesClosed(1);
        }
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    /** The session every handle's session works on. */
    AdapterSession session() {
        return session;
    }

    AdapterConnection connection() {
        return connection;
    }

    /** Whether the session works in a transaction now: an XA branch, or the local transaction's. */
    boolean inTransaction() {
        return session.inBranch();
    }

    /**
     * Invalidates the handles (closing what they left open), rolls back a local transaction left open
     * and stops delivery, so that the next user finds the connection as new.
     */
    @Override
    public void cleanup() throws ResourceException {
        checkNotDestroyed();
        invalidateHandles();
        try {
            abandonLocalTransaction();
            connection.stop();
        } catch (JMSException e) {
            throw new ResourceException("cleanup of a Bolide connection failed", e);
        }
    }

    private void invalidateHandles() {
        for (ContainerConnection handle : handles) {
            handle.invalidate();
            if (handles.remove(handle)) {
                meters.handlesClosed(1);
            }
        }
    }

    private void abandonLocalTransaction() {
        if (localTransaction.isActive()) {
            try {
                localTransaction.rollback();
            } catch (ResourceException e) {
                LOG.log(Level.DEBUG, "rollback of an abandoned local transaction failed, the broker times it out: {0}",
                        e.toString());
            }
        }
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        destroyed = true;
        meters.destroyed();
        invalidateHandles();
        abandonLocalTransaction();
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

    /** A new Bolide connection with this one's settings and account: XA decisions after {@link #destroy} (ManagedXAResource). */
    AdapterConnection openAnother() throws JMSException {
        return AdapterConnection.open(settings, physicalConnection.userName(), physicalConnection.password());
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

    /**
     * The XA resource of the connection's session, the same for the connection's whole life. Its
     * {@code recover} lists the prepared branches of every broker of the cluster, whoever prepared
     * them, so the server recovers through any connection of the pool, also one made with no request
     * info for the purpose. It outlives the connection for decisions (see {@link ManagedXAResource}).
     */
    @Override
    public XAResource getXAResource() {
        return serverXaResource;
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return localTransaction;
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
