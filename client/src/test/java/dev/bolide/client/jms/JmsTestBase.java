package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real broker on loopback per test class, fresh destination names per test, and every
 * connection a test opens closed after it; then the client's threads must be gone (no leak).
 */
abstract class JmsTestBase {
    private static final AtomicInteger NAMES = new AtomicInteger();
    /**
     * The threads a Bolide client starts; other {@code bolide-} threads are the broker's, which may
     * start some lazily and keeps them for the whole class.
     */
    private static final List<String> CLIENT_THREADS = List.of("bolide-remoting-client", "bolide-client-",
            "bolide-jms-");

    @TempDir
    static Path dir;
    static LoopbackBroker broker;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private List<String> threadsBefore;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").set(Settings.ENABLE_PROPERTY_FILTER, true).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void countThreads() {
        threadsBefore = clientThreads();
    }

    @AfterEach
    void closeAndCheckThreads() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        Awaitility.await("client threads to end").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(clientThreads()).isSubsetOf(threadsBefore));
    }

    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> CLIENT_THREADS.stream().anyMatch(t.getName()::startsWith)
                        || !t.isDaemon() && !t.getName().startsWith("bolide-") && !t.getName().startsWith("awaitility"))
                .map(Thread::getName).toList();
    }

    BolideConnectionFactory factory() {
        return new BolideConnectionFactory(broker.nameServer());
    }

    BolideConnectionFactory factory(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty("nameServers", broker.nameServer());
        properties.setProperty(key, value);
        return new BolideConnectionFactory(properties);
    }

    /** A started connection, closed after the test. */
    Connection connection() throws JMSException {
        return started(factory().createConnection());
    }

    <T extends Connection> T started(T connection) throws JMSException {
        opened.add(connection);
        connection.start();
        return connection;
    }

    <T extends AutoCloseable> T closedAfterTest(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    JMSContext context() {
        return closedAfterTest(factory().createContext());
    }

    /** A destination name no other test uses, with its topic created (4 queues). */
    static String fresh(String prefix) {
        return fresh(prefix, 4);
    }

    /** A destination name no other test uses, with its topic created with {@code queues} queues. */
    static String fresh(String prefix, int queues) {
        String name = prefix + NAMES.incrementAndGet();
        broker.createTopic(name, queues);
        return name;
    }
}
