package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.ManagedConnection;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which pooled connection serves a request: same factory, name servers, user and password, and still usable. */
class MatchManagedConnectionsTest extends OutboundTestBase {
    @Test
    void aConnectionOfTheSameUserAndPasswordMatches() throws Exception {
        BolideManagedConnection pooled = managedConnection(factory, new ConnectionRequest("shop", "a"));

        ManagedConnection match = factory.matchManagedConnections(Set.of(pooled), null,
                new ConnectionRequest("shop", "a"));

        assertThat(match).isSameAs(pooled);
    }

    /** The pooled connection signs with the right password: a wrong one must not borrow it. */
    @Test
    void aConnectionOfTheSameUserWithAnotherPasswordDoesNotMatch() throws Exception {
        BolideManagedConnection pooled = managedConnection(factory, new ConnectionRequest("shop", "a"));

        assertThat(factory.matchManagedConnections(Set.of(pooled), null, new ConnectionRequest("shop", "b")))
                .isNull();
    }

    @Test
    void aConnectionOfTheDefaultUserMatchesADefaultRequest() throws Exception {
        BolideManagedConnection pooled = managedConnection();

        assertThat(factory.matchManagedConnections(Set.of(pooled), null, null)).isSameAs(pooled);
    }

    @Test
    void aConnectionOfAnotherUserDoesNotMatch() throws Exception {
        BolideManagedConnection pooled = managedConnection(factory, new ConnectionRequest("shop", "a"));

        assertThat(factory.matchManagedConnections(Set.of(pooled), null, new ConnectionRequest("billing", "a")))
                .isNull();
    }

    @Test
    void aConnectionToOtherNameServersDoesNotMatch() throws Exception {
        BolideManagedConnectionFactory other = new BolideManagedConnectionFactory();
        other.setResourceAdapter(adapter);
        other.setNameServers(adapter.nameServerAddress());
        BolideManagedConnection pooled = managedConnection(other, ConnectionRequest.DEFAULT);
        BolideManagedConnectionFactory elsewhere = new BolideManagedConnectionFactory();
        elsewhere.setResourceAdapter(adapter);
        elsewhere.setNameServers("127.0.0.2:9876");

        assertThat(elsewhere.matchManagedConnections(Set.of(pooled), null, ConnectionRequest.DEFAULT)).isNull();
    }

    @Test
    void aDestroyedConnectionDoesNotMatch() throws Exception {
        BolideManagedConnection pooled = managedConnection();
        pooled.destroy();

        assertThat(factory.matchManagedConnections(Set.of(pooled), null, null)).isNull();
    }

    @Test
    void theMatchIsOneOfTheCandidates() throws Exception {
        BolideManagedConnection shop = managedConnection(factory, new ConnectionRequest("shop", "a"));
        BolideManagedConnection billing = managedConnection(factory, new ConnectionRequest("billing", "a"));

        assertThat(factory.matchManagedConnections(Set.of(shop, billing), null, new ConnectionRequest("billing", "a")))
                .isSameAs(billing);
    }
}
