package dev.bolide.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.BolideBroker;
import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.config.Settings;
import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.PooledBootstrapContext;
import jakarta.jms.JMSContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activations against a broker with access control: the activation's connection signs with the
 * activation spec's account, else the adapter's.
 */
class SignedDeliveryTest {
    private static final String ACL = """
            accounts:
              - accessKey: reader1
                secretKey: reader-secret
                defaultTopicPerm: PUB|SUB
                defaultGroupPerm: SUB
            """;

    @TempDir
    static Path dir;
    private static BolideBroker broker;
    private static PooledBootstrapContext server;
    private static BolideResourceAdapter adapter;

    private final String destination = "Orders" + System.nanoTime();
    private final List<Runnable> deactivations = new ArrayList<>();

    @BeforeAll
    static void startBrokerAndAdapter() throws Exception {
        Path acl = Files.writeString(dir.resolve("plain_acl.yml"), ACL);
        broker = BolideBroker.start(BrokerSettings.builder().set(Settings.BROKER_IP1, "127.0.0.1")
                .set(Settings.LISTEN_PORT, 0).set(Settings.NAMESRV_LISTEN_PORT, 0)
                .set(Settings.STORE_PATH_ROOT_DIR, dir.resolve("store")).set(Settings.MAPPED_FILE_SIZE_COMMIT_LOG, 8 << 20)
                .set(Settings.ACL_ENABLE, true).set(Settings.ACL_CONFIG_FILE, acl).build());
        server = new PooledBootstrapContext();
        adapter = new BolideResourceAdapter();
        adapter.setMode("REMOTE");
        adapter.setNamesrvAddr("127.0.0.1:" + broker.nameServerPort());
        adapter.setUserName("reader1");
        adapter.setPassword("reader-secret");
        adapter.start(server);
    }

    @AfterAll
    static void stop() throws Exception {
        adapter.stop();
        server.close();
        broker.close();
    }

    @AfterEach
    void deactivate() {
        deactivations.forEach(Runnable::run);
    }

    private RecordingEndpointFactory activate(String userName, String password) throws Exception {
        BolideActivationSpec spec = new BolideActivationSpec();
        spec.setDestination(destination);
        spec.setUserName(userName);
        spec.setPassword(password);
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();
        adapter.endpointActivation(factory, spec);
        deactivations.add(() -> adapter.endpointDeactivation(factory, spec));
        return factory;
    }

    private void send(String text) {
        try (JMSContext context = new BolideConnectionFactory(adapter.nameServerAddress())
                .createContext("reader1", "reader-secret")) {
            context.createProducer().send(context.createQueue(destination), text);
        }
    }

    @Test
    void anActivationWithoutAnAccountOfItsOwnReceivesAsTheAdaptersAccount() throws Exception {
        RecordingEndpointFactory factory = activate(null, null);

        send("order 1");

        await().atMost(Duration.ofSeconds(20)).until(() -> factory.accepted().contains("order 1"));
    }

    /**
     * The adapter's account would make the first activation a member of the queue's group, sharing
     * its queues with the second: that all eight messages (sent round the queues) reach the second
     * proves the first signs with the spec's wrong password, and is refused.
     */
    @Test
    void theSpecsOwnAccountComesFirst() throws Exception {
        RecordingEndpointFactory wrong = activate("reader1", "not-the-secret");
        RecordingEndpointFactory right = activate("reader1", "reader-secret");
        List<String> orders = IntStream.range(0, 8).mapToObj(n -> "order " + n).toList();

        orders.forEach(this::send);

        await().atMost(Duration.ofSeconds(20)).until(() -> right.accepted().containsAll(orders));
        assertThat(wrong.accepted()).isEmpty();
    }
}
