package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.EmbeddedAdapters;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.resource.spi.ConnectionEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A managed connection whose broker goes away: the pool hears of it and no longer matches it. The
 * loss shows when a consumer's pull fails, so the connection has one. An adapter of its own, which
 * the test stops.
 */
class BrokerLossTest {
    @TempDir
    static Path dir;
    private final BolideResourceAdapter adapter = new BolideResourceAdapter();
    private final RecordedEvents events = new RecordedEvents();
    private BolideManagedConnection managed;

    @AfterEach
    void destroy() throws Exception {
        managed.destroy();
        adapter.stop();
    }

    @Test
    void aLostBrokerSignalsConnectionErrorAndTheConnectionNoLongerMatches() throws Exception {
        EmbeddedAdapters.start(adapter, dir.resolve("store"));
        BolideManagedConnectionFactory factory = new BolideManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        // named, not the adapter's: matching must not need the stopped adapter
        factory.setNameServers(adapter.nameServerAddress());
        managed = (BolideManagedConnection) factory.createManagedConnection(null, null);
        managed.addConnectionEventListener(events);
        ContainerConnection handle = (ContainerConnection) managed.getConnection(null, null);
        Session session = handle.createSession();
        Queue watched = session.createQueue("Watched");
        session.createProducer(watched).send(session.createTextMessage("the topic exists once it has a message"));
        session.createConsumer(watched);

        adapter.stop();

        await("CONNECTION_ERROR_OCCURRED").atMost(Duration.ofSeconds(15))
                .until(events::types, types -> types.contains(ConnectionEvent.CONNECTION_ERROR_OCCURRED));
        assertThat(events.all().get(0).getException()).hasMessageContaining("lost the connection");
        assertThat(factory.matchManagedConnections(Set.of(managed), null, null)).isNull();
    }
}
