package dev.bolide.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.testsupport.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start and stop of the adapter in EMBEDDED mode outside a server, with a real broker on free
 * loopback ports and a real client. Inside Payara the same is covered by {@code BolideRarOnPayaraIT}.
 */
class AdapterLifecycleTest {
    /**
     * One store for the class: a new store zero-fills its 420 MB key index (RocketMQ's default
     * size), which takes seconds; later starts reuse it. Each test has a topic of its own.
     */
    @TempDir
    static Path dir;
    private final String topic = "Orders" + System.nanoTime();
    private final BolideResourceAdapter adapter = new BolideResourceAdapter();

    @AfterEach
    void stop() {
        adapter.stop();
    }

    @Test
    void theEmbeddedBrokerServesAClientOfItsNameServer() throws Exception {
        start(adapter);

        try (RocketMqRoundTrip client = new RocketMqRoundTrip(adapter.nameServerAddress())) {
            SendResult sent = client.send(topic, "first order");

            assertThat(client.pullFromQueueOf(sent)).containsExactly("first order");
        }
    }

    @Test
    void theEmbeddedBrokerServesItsConsoleOnlyOnTheGivenPort() throws Exception {
        int port = FreePorts.freePort();
        adapter.setConsoleListenPort(port);
        start(adapter);

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(new BolideResourceAdapter().getConsoleListenPort()).isEqualTo(-1);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("bolide_");
    }

    @Test
    void theStoreIsInTheConfiguredDirectory() throws Exception {
        start(adapter);

        try (RocketMqRoundTrip client = new RocketMqRoundTrip(adapter.nameServerAddress())) {
            client.send(topic, "first order");
        }

        assertThat(store().resolve("commitlog")).isDirectoryContaining(file -> file.getFileName().toString()
                .equals("00000000000000000000"));
    }

    /** What the in-container test of a redeployed adapter relies on: one broker opens each file once. */
    @Test
    void aRunningBrokerHasEachStoreFileOpenOnce() throws Exception {
        start(adapter);
        try (RocketMqRoundTrip client = new RocketMqRoundTrip(adapter.nameServerAddress())) {
            client.send(topic, "first order");
        }

        List<String> open = OpenFiles.under(store());

        assertThat(open).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void stopEndsEveryBrokerThread() throws Exception {
        start(adapter);

        adapter.stop();

        await("broker threads to end").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                        .filter(name -> name.startsWith("bolide-"))).isEmpty());
    }

    @Test
    void stopClosesAndUnmapsEveryStoreFile() throws Exception {
        start(adapter);
        try (RocketMqRoundTrip client = new RocketMqRoundTrip(adapter.nameServerAddress())) {
            client.send(topic, "first order");
        }
        assertThat(OpenFiles.under(store())).isNotEmpty();

        adapter.stop();

        // a mapping ends when its buffer is unmapped, which the store does explicitly on close
        assertThat(OpenFiles.under(store())).isEmpty();
    }

    @Test
    void anAdapterStartedAgainOnTheSameStoreFindsTheEarlierMessages() throws Exception {
        start(adapter);
        SendResult sent;
        try (RocketMqRoundTrip client = new RocketMqRoundTrip(adapter.nameServerAddress())) {
            sent = client.send(topic, "first order");
        }
        adapter.stop();

        BolideResourceAdapter again = new BolideResourceAdapter();
        start(again);
        try (RocketMqRoundTrip client = new RocketMqRoundTrip(again.nameServerAddress())) {
            assertThat(client.pullFromQueueOf(sent)).containsExactly("first order");
        } finally {
            again.stop();
        }
    }

    private void start(BolideResourceAdapter embedded) throws Exception {
        EmbeddedAdapters.start(embedded, store());
    }

    private Path store() {
        return dir.resolve("store");
    }
}
