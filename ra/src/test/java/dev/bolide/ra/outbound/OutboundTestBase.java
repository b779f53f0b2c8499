package dev.bolide.ra.outbound;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.EmbeddedAdapters;
import dev.bolide.ra.QueueContents;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One adapter per test class in EMBEDDED mode (a real broker on free loopback ports), a managed
 * connection factory of it, and a plain Bolide client outside the container to see what was sent.
 * Managed connections a test opens are destroyed after it.
 */
abstract class OutboundTestBase {
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    static Path dir;
    static BolideResourceAdapter adapter;
    static BolideManagedConnectionFactory factory;
    static Connection outside;

    final RecordedEvents events = new RecordedEvents();
    private final List<BolideManagedConnection> opened = new ArrayList<>();

    @BeforeAll
    static void startAdapter() throws Exception {
        adapter = EmbeddedAdapters.start(new BolideResourceAdapter(), dir.resolve("store"));
        factory = new BolideManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        outside = new BolideConnectionFactory(adapter.nameServerAddress()).createConnection();
    }

    @AfterAll
    static void stopAdapter() throws JMSException {
        outside.close();
        adapter.stop();
    }

    @AfterEach
    void destroyManagedConnections() throws ResourceException {
        for (BolideManagedConnection connection : opened) {
            connection.destroy();
        }
    }

    /** A new managed connection of {@link #factory}, its events recorded in {@link #events}. */
    BolideManagedConnection managedConnection() throws ResourceException {
        return managedConnection(factory, ConnectionRequest.DEFAULT);
    }

    BolideManagedConnection managedConnection(BolideManagedConnectionFactory of, ConnectionRequest request)
            throws ResourceException {
        BolideManagedConnection connection = (BolideManagedConnection) of.createManagedConnection(null, request);
        connection.addConnectionEventListener(events);
        opened.add(connection);
        return connection;
    }

    static ContainerConnection handle(BolideManagedConnection managed) throws ResourceException {
        return (ContainerConnection) managed.getConnection(null, ConnectionRequest.DEFAULT);
    }

    static String fresh(String name) {
        return name + NAMES.incrementAndGet() + "x" + System.nanoTime();
    }

    /** Sends {@code text} to queue {@code queue} through {@code connection}'s one session. */
    static void send(Connection connection, String queue, String text) throws JMSException {
        Session session = connection.createSession();
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(session.createTextMessage(text));
        } finally {
            session.close();
        }
    }

    /** Sends {@code text} from outside the container, at once. */
    static void sendOutside(String queue, String text) throws JMSException {
        send(outside, queue, text);
    }

    /** The texts the queue holds once it holds {@code text} (the broker makes sends readable asynchronously). */
    static List<String> awaitBrowsed(String queue, String text) throws JMSException, InterruptedException {
        return QueueContents.awaitText(outside, queue, text);
    }
}
