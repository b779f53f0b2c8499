package dev.bolide.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.lang.System.Logger.Level;

/**
 * The connection manager of a factory used outside a server (Connectors 2.1, 6.5.2, non-managed):
 * no pool and no transactions; each connection gets a managed connection of its own, destroyed when
 * the application closes it or its broker connection is lost.
 */
final class UnpooledConnectionManager implements ConnectionManager {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(UnpooledConnectionManager.class.getName());

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo requestInfo)
            throws ResourceException {
        ManagedConnection managed = factory.createManagedConnection(null, requestInfo);
        managed.addConnectionEventListener(new DestroyWhenDone(managed));
        return managed.getConnection(null, requestInfo);
    }

    private record DestroyWhenDone(ManagedConnection managed) implements ConnectionEventListener {
        @Override
        public void connectionClosed(ConnectionEvent event) {
            destroy();
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            destroy();
        }

        private void destroy() {
            try {
                managed.destroy();
            } catch (ResourceException e) {
                LOG.log(Level.WARNING, "closing an unpooled Bolide connection failed: {0}", e.toString());
            }
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
        }
    }
}
