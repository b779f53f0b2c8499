package dev.bolide.ra.checkback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.Credentials;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.PooledBootstrapContext;
import dev.bolide.ra.TransactionCheckListener.Outcome;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check-back beans answering a real broker that checks undecided half messages back at once and
 * every 100 ms; the adapter in REMOTE mode, a real WorkManager over a thread pool, a hand-written
 * endpoint factory, half messages sent as RocketMQ's TransactionMQProducer sends them. The broker
 * runs with access control: the activations sign with the adapter's account unless their spec
 * names one.
 */
class CheckBackDeliveryTest {
    private static final String PRODUCERS = "payment-producers";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ACL = """
            accounts:
              - accessKey: payer01
                secretKey: payer-secret
                defaultTopicPerm: PUB|SUB
                defaultGroupPerm: SUB
            """;

    @TempDir
    Path dir;
    private LoopbackBroker broker;
    private PooledBootstrapContext server;
    private final BolideResourceAdapter adapter = new BolideResourceAdapter();
    private RocketMqClient producer;
    private final String topic = "Payments" + System.nanoTime();
    private final List<Runnable> deactivations = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").set(Settings.DEFAULT_TOPIC_QUEUE_NUMS, 1)
                .set(Settings.ACL_ENABLE, true)
                .set(Settings.ACL_CONFIG_FILE, Files.writeString(dir.resolve("plain_acl.yml"), ACL))
                .transactions(new TransactionSettings(Duration.ZERO, Duration.ofMillis(100), 50)).start();
        String nameServer = broker.nameServer();
        server = new PooledBootstrapContext();
        adapter.setMode("REMOTE");
        adapter.setNamesrvAddr(nameServer);
        adapter.setUserName("payer01");
        adapter.setPassword("payer-secret");
        adapter.start(server);
        producer = new RocketMqClient(ClientSettings.of(nameServer), new Credentials("payer01", "payer-secret"));
    }

    @AfterEach
    void stop() throws Exception {
        deactivations.forEach(Runnable::run);
        producer.close();
        adapter.stop();
        server.close();
        broker.close();
    }

    private CheckBackEndpointFactory activate(Function<String, Outcome> decide) throws Exception {
        return activate(decide, spec -> { });
    }

    private CheckBackEndpointFactory activate(Function<String, Outcome> decide,
            Consumer<CheckBackActivationSpec> properties) throws Exception {
        CheckBackEndpointFactory factory = new CheckBackEndpointFactory(decide);
        CheckBackActivationSpec spec = new CheckBackActivationSpec();
        spec.setProducerGroup(PRODUCERS);
        properties.accept(spec);
        adapter.endpointActivation(factory, spec);
        deactivations.add(() -> adapter.endpointDeactivation(factory, spec));
        return factory;
    }

    /** A RocketMQ transactional send whose local transaction has not decided yet. */
    private void sendHalf(String text) {
        producer.send(PRODUCERS, new OutgoingMessage(topic, text.getBytes(StandardCharsets.UTF_8), 0,
                Map.of(PropertyKeys.TRANSACTION_PREPARED, "true", PropertyKeys.PRODUCER_GROUP, PRODUCERS,
                        "orderId", "order-" + text.length()), MessageSysFlag.TRANSACTION_PREPARED_TYPE), null);
    }

    private List<String> delivered() {
        List<String> texts = new ArrayList<>();
        for (MessageQueue queue : producer.readQueues(topic)) {
            producer.pull(PullRequest.of("readers", queue, 0, 32, Duration.ZERO, Subscription.all(topic))).messages()
                    .forEach(m -> texts.add(new String(m.body(), StandardCharsets.UTF_8)));
        }
        return texts;
    }

    @Test
    void aWrongPasswordFailsTheActivationWithTheBrokersWords() {
        assertThatThrownBy(() -> activate(text -> Outcome.COMMIT, spec -> {
            spec.setUserName("payer01");
            spec.setPassword("not-the-secret");
        })).isInstanceOf(ResourceException.class).hasMessageContaining("Check signature failed for accessKey=payer01");
    }

    @Test
    void aCommitAnswerDeliversTheHalfMessage() throws Exception {
        activate(text -> Outcome.COMMIT);

        sendHalf("payment 1");

        await().atMost(PATIENCE).until(() -> delivered().contains("payment 1"));
    }

    @Test
    void theBeanGetsTheHalfMessageWithItsProperties() throws Exception {
        CheckBackEndpointFactory factory = activate(text -> Outcome.COMMIT);

        sendHalf("payment 1");

        await().atMost(PATIENCE).until(() -> !factory.asked().isEmpty());
        assertThat(factory.asked().get(0).text()).isEqualTo("payment 1");
        assertThat(factory.asked().get(0).orderId()).isEqualTo("order-9");
    }

    @Test
    void aRollbackAnswerDiscardsTheHalfMessage() throws Exception {
        activate(text -> text.equals("refused") ? Outcome.ROLLBACK : Outcome.COMMIT);

        sendHalf("refused");
        sendHalf("accepted after it");

        await().atMost(PATIENCE).until(() -> delivered().contains("accepted after it"));
        assertThat(delivered()).containsExactly("accepted after it");
    }

    @Test
    void anUnknownAnswerIsAskedAgain() throws Exception {
        CheckBackEndpointFactory factory = activate(text -> Outcome.UNKNOWN);

        sendHalf("undecided");

        await().atMost(PATIENCE).until(() -> factory.asked().size() >= 2);
        assertThat(delivered()).isEmpty();
    }

    @Test
    void checkBacksRunOnTheServersWorkManager() throws Exception {
        CheckBackEndpointFactory factory = activate(text -> Outcome.COMMIT);

        sendHalf("payment 1");

        await().atMost(PATIENCE).until(() -> !factory.asked().isEmpty());
        assertThat(factory.asked().get(0).thread()).startsWith(PooledBootstrapContext.THREAD_PREFIX);
    }

    @Test
    void aMissingProducerGroupFailsActivationNamingIt() {
        CheckBackActivationSpec spec = new CheckBackActivationSpec();

        assertThatThrownBy(() -> adapter.endpointActivation(new CheckBackEndpointFactory(text -> Outcome.COMMIT), spec))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("property producerGroup = ");
    }

}
