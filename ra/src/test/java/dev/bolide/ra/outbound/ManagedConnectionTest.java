package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Session;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ManagedConnectionMetaData;
import org.junit.jupiter.api.Test;

/** Handle life cycle, cleanup and destroy, and the events the server's pool hears. */
class ManagedConnectionTest extends OutboundTestBase {
    @Test
    void aHandleSendsThroughItsManagedConnection() throws Exception {
        String queue = fresh("Orders");

        send(handle(managedConnection()), queue, "first order");

        assertThat(awaitBrowsed(queue, "first order")).containsExactly("first order");
    }

    @Test
    void closingAHandleSignalsConnectionClosedWithTheHandle() throws Exception {
        BolideManagedConnection managed = managedConnection();
        Connection handle = handle(managed);

        handle.close();

        assertThat(events.types()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
        assertThat(events.all().get(0).getConnectionHandle()).isSameAs(handle);
        assertThat(events.all().get(0).getSource()).isSameAs(managed);
    }

    @Test
    void closingAHandleTwiceSignalsOnce() throws Exception {
        Connection handle = handle(managedConnection());

        handle.close();
        handle.close();

        assertThat(events.types()).containsExactly(ConnectionEvent.CONNECTION_CLOSED);
    }

    @Test
    void cleanupInvalidatesTheHandlesWithoutEvents() throws Exception {
        BolideManagedConnection managed = managedConnection();
        Connection handle = handle(managed);
        Session session = handle.createSession();

        managed.cleanup();

        assertThatThrownBy(handle::createSession).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createQueue("Orders")).isInstanceOf(IllegalStateException.class);
        assertThat(events.types()).isEmpty();
    }

    @Test
    void aCleanedUpManagedConnectionServesANewHandle() throws Exception {
        BolideManagedConnection managed = managedConnection();
        send(handle(managed), fresh("Orders"), "before cleanup");
        managed.cleanup();
        String queue = fresh("Orders");

        send(handle(managed), queue, "after cleanup");

        assertThat(awaitBrowsed(queue, "after cleanup")).containsExactly("after cleanup");
    }

    @Test
    void associateConnectionMovesAHandleToAnotherManagedConnection() throws Exception {
        BolideManagedConnection first = managedConnection();
        BolideManagedConnection second = managedConnection();
        ContainerConnection handle = handle(first);

        second.associateConnection(handle);
        first.cleanup();
        handle.close();

        assertThat(handle.managedConnection()).isSameAs(second);
        assertThat(events.all()).singleElement().extracting(ConnectionEvent::getSource).isSameAs(second);
    }

    @Test
    void aMovedHandleSendsThroughItsNewManagedConnection() throws Exception {
        BolideManagedConnection first = managedConnection();
        BolideManagedConnection second = managedConnection();
        ContainerConnection handle = handle(first);
        second.associateConnection(handle);
        first.destroy();
        String queue = fresh("Orders");

        send(handle, queue, "moved");

        assertThat(awaitBrowsed(queue, "moved")).containsExactly("moved");
    }

    @Test
    void destroyClosesTheBolideConnectionAndRefusesNewHandles() throws Exception {
        BolideManagedConnection managed = managedConnection();
        Connection handle = handle(managed);

        managed.destroy();

        assertThat(managed.connection().isClosed()).isTrue();
        assertThatThrownBy(handle::createSession).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> managed.getConnection(null, null))
                .isInstanceOf(jakarta.resource.spi.IllegalStateException.class);
    }

    @Test
    void metaDataNamesTheProductAndUser() throws Exception {
        BolideManagedConnection managed = managedConnection(factory, new ConnectionRequest("shop", "secret"));

        ManagedConnectionMetaData metaData = managed.getMetaData();

        assertThat(metaData.getEISProductName()).isEqualTo("Bolide");
        assertThat(metaData.getUserName()).isEqualTo("shop");
    }
}
