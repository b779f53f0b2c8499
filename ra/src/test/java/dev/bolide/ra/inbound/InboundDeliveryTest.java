package dev.bolide.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.EmbeddedAdapters;
import dev.bolide.ra.PooledBootstrapContext;
import dev.bolide.ra.inbound.RecordingEndpointFactory.Delivered;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery to message endpoints through the adapter outside a server: the adapter in EMBEDDED mode
 * (a real broker on loopback), a real WorkManager over a thread pool and hand-written endpoint
 * factories; messages sent by the Jakarta Messaging client.
 */
class InboundDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** One store and adapter for the class (a new store zero-fills its index); each test has destinations of its own. */
    @TempDir
    static Path dir;
    private static PooledBootstrapContext server;
    private static BolideResourceAdapter adapter;

    private final String destination = "Orders" + System.nanoTime();
    private final List<Runnable> deactivations = new ArrayList<>();

    @BeforeAll
    static void startAdapter() throws Exception {
        server = new PooledBootstrapContext();
        adapter = EmbeddedAdapters.start(new BolideResourceAdapter(), dir.resolve("store"), server);
    }

    @AfterAll
    static void stopAdapter() throws Exception {
        adapter.stop();
        server.close();
    }

    @AfterEach
    void deactivate() {
        deactivations.forEach(Runnable::run);
    }

    private BolideActivationSpec spec(Consumer<BolideActivationSpec> properties) {
        BolideActivationSpec spec = new BolideActivationSpec();
        spec.setDestination(destination);
        spec.setMaxSession(2);
        properties.accept(spec);
        return spec;
    }

    private void activate(RecordingEndpointFactory factory, BolideActivationSpec spec) throws Exception {
        adapter.endpointActivation(factory, spec);
        deactivations.add(() -> adapter.endpointDeactivation(factory, spec));
    }

    private void sendToQueue(String... texts) {
        send(false, texts);
    }

    private void send(boolean topic, String... texts) {
        try (JMSContext context = new BolideConnectionFactory(adapter.nameServerAddress()).createContext()) {
            Destination to = topic ? context.createTopic(destination) : context.createQueue(destination);
            for (String text : texts) {
                context.createProducer().setProperty("amount", text.length()).send(to, text);
            }
        }
    }

    @Test
    void aQueueMessageReachesTheEndpoint() throws Exception {
        sendToQueue("order 1");
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();

        activate(factory, spec(spec -> { }));

        await().atMost(PATIENCE).until(() -> factory.accepted().contains("order 1"));
    }

    @Test
    void anEndpointActivatedBeforeAnythingWasSentToItsQueueGetsWhatIsSentLater() throws Exception {
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();
        activate(factory, spec(spec -> { }));

        sendToQueue("first order ever");

        await().atMost(PATIENCE).until(() -> factory.accepted().contains("first order ever"));
    }

    @Test
    void deliveryRunsOnTheServersWorkManager() throws Exception {
        sendToQueue("order 1");
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();

        activate(factory, spec(spec -> { }));

        await().atMost(PATIENCE).until(() -> !factory.delivered().isEmpty());
        assertThat(factory.delivered().get(0).thread()).startsWith(PooledBootstrapContext.THREAD_PREFIX);
    }

    @Test
    void eachEndpointIsReleasedAfterItsMessage() throws Exception {
        sendToQueue("order 1", "order 2");
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();

        activate(factory, spec(spec -> { }));

        await().atMost(PATIENCE).until(() -> factory.accepted().size() == 2);
        await().atMost(PATIENCE).until(() -> factory.unreleased().isEmpty());
    }

    @Test
    void aMessageIsAcknowledgedOnceOnMessageReturns() throws Exception {
        sendToQueue("order 1");
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();

        activate(factory, spec(spec -> { }));

        await().atMost(PATIENCE).until(() -> committed(GroupNames.queue(destination)) == 1);
    }

    @Test
    void aMessageWhoseOnMessageThrowsComesAgainWithAGrowingDeliveryCount() throws Exception {
        sendToQueue("order 1");
        RecordingEndpointFactory factory = new RecordingEndpointFactory(failTimes(2), false);

        activate(factory, spec(spec -> { }));

        await().atMost(PATIENCE).until(() -> factory.accepted().contains("order 1"));
        assertThat(factory.delivered()).extracting(Delivered::deliveryCount).containsExactly(1, 2, 3);
        assertThat(factory.delivered()).extracting(Delivered::redelivered).containsExactly(false, true, true);
    }

    @Test
    void afterMaxRedeliveriesTheMessageGoesToTheDeadLetterQueue() throws Exception {
        sendToQueue("poison");
        RecordingEndpointFactory factory = new RecordingEndpointFactory(message -> {
            throw new IllegalStateException("cannot process");
        }, false);

        activate(factory, spec(spec -> spec.setMaxRedeliveries(2)));

        await().atMost(PATIENCE).until(() -> deadLetters(GroupNames.queue(destination)).contains("poison"));
        assertThat(factory.delivered()).extracting(Delivered::deliveryCount).containsExactly(1, 2, 3);
    }

    @Test
    void aSelectorKeepsOtherMessagesFromTheEndpoint() throws Exception {
        sendToQueue("small", "a large order");
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();

        activate(factory, spec(spec -> spec.setMessageSelector("amount > 5")));

        await().atMost(PATIENCE).until(() -> factory.accepted().contains("a large order"));
        assertThat(factory.accepted()).doesNotContain("small");
    }

    @Test
    void aDurableSubscriptionKeepsWhatWasSentWhileTheEndpointWasInactive() throws Exception {
        send(true, "creates the topic");
        BolideActivationSpec durable = spec(spec -> {
            spec.setDestinationType(ActivationSettings.TOPIC_TYPE);
            spec.setSubscriptionDurability("Durable");
            spec.setClientId("shop" + destination);
            spec.setSubscriptionName("audit");
        });
        RecordingEndpointFactory first = RecordingEndpointFactory.accepting();
        adapter.endpointActivation(first, durable);
        send(true, "while active");
        await().atMost(PATIENCE).until(() -> first.accepted().contains("while active"));
        adapter.endpointDeactivation(first, durable);

        send(true, "while inactive");
        RecordingEndpointFactory second = RecordingEndpointFactory.accepting();
        activate(second, durable);

        await().atMost(PATIENCE).until(() -> second.accepted().contains("while inactive"));
    }

    @Test
    void everyMessageNotAcknowledgedAtDeactivationReachesTheNextActivation() throws Exception {
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "order " + i).toList();
        sendToQueue(sent.toArray(String[]::new));
        BolideActivationSpec queue = spec(spec -> { });
        RecordingEndpointFactory slow = new RecordingEndpointFactory(message -> pause(50), false);
        adapter.endpointActivation(slow, queue);
        await().atMost(PATIENCE).until(() -> slow.accepted().size() >= 3);

        adapter.endpointDeactivation(slow, queue);
        RecordingEndpointFactory next = RecordingEndpointFactory.accepting();
        activate(next, queue);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(union(slow.accepted(), next.accepted()))
                .containsAll(sent));
        assertThat(slow.unreleased()).isEmpty();
    }

    @Test
    void deactivationLetsTheMessageInHandFinishAndAcknowledgesIt() throws Exception {
        sendToQueue("order in hand");
        CountDownLatch entered = new CountDownLatch(1);
        RecordingEndpointFactory factory = new RecordingEndpointFactory(message -> {
            entered.countDown();
            pause(300);
        }, false);
        BolideActivationSpec queue = spec(spec -> { });
        adapter.endpointActivation(factory, queue);
        assertThat(entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        adapter.endpointDeactivation(factory, queue);

        assertThat(factory.accepted()).containsExactly("order in hand");
        await().atMost(PATIENCE).until(() -> committed(GroupNames.queue(destination)) == 1);
    }

    @Test
    void afterDeactivationTheEndpointIsNoMemberOfItsGroup() throws Exception {
        sendToQueue("order 1");
        RecordingEndpointFactory factory = RecordingEndpointFactory.accepting();
        BolideActivationSpec queue = spec(spec -> { });
        adapter.endpointActivation(factory, queue);
        await().atMost(PATIENCE).until(() -> !members(GroupNames.queue(destination)).isEmpty());

        adapter.endpointDeactivation(factory, queue);

        assertThat(members(GroupNames.queue(destination))).isEmpty();
    }

    @Test
    void maxSessionSessionsDeliverAtTheSameTime() throws Exception {
        sendToQueue("creates the queue");
        CountDownLatch allIn = new CountDownLatch(3);
        RecordingEndpointFactory factory = new RecordingEndpointFactory(message -> {
            allIn.countDown();
            awaitAtMost(allIn);
        }, false);
        activate(factory, spec(spec -> spec.setMaxSession(3)));

        // sent once every session's consumer exists, so that the group's member hands them out in turn
        sendToQueue("order 1", "order 2", "order 3", "order 4", "order 5", "order 6");

        assertThat(allIn.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("three onMessage calls at once").isTrue();
    }

    @Test
    void anOrderlyEndpointGetsTheQueueInSendOrderAcrossAFailure() throws Exception {
        List<String> sent = IntStream.range(0, 6).mapToObj(i -> "step " + i).toList();
        createSingleQueueTopic();
        sendToQueue(sent.toArray(String[]::new));
        RecordingEndpointFactory factory = new RecordingEndpointFactory(failOnce("step 2"), false);

        activate(factory, spec(spec -> {
            spec.setConsumeOrderly(true);
            spec.setMaxSession(4);
        }));

        await().atMost(PATIENCE).until(() -> factory.accepted().size() == sent.size());
        assertThat(factory.accepted()).containsExactlyElementsOf(sent);
    }

    @Test
    void aTransactedDeliveryThatCommitsIsAcknowledged() throws Exception {
        sendToQueue("order 1");
        RecordingEndpointFactory factory = new RecordingEndpointFactory(message -> { }, true);

        activate(factory, spec(spec -> { }));

        await().atMost(PATIENCE).until(() -> factory.accepted().contains("order 1"));
        await().atMost(PATIENCE).until(() -> committed(GroupNames.queue(destination)) == 1);
    }

    @Test
    void aTransactedDeliveryThatRollsBackComesAgainWithAGrowingDeliveryCount() throws Exception {
        sendToQueue("order 1");
        RecordingEndpointFactory factory = new RecordingEndpointFactory(failTimes(2), true);

        activate(factory, spec(spec -> { }));

        await().atMost(PATIENCE).until(() -> factory.accepted().contains("order 1"));
        assertThat(factory.delivered()).extracting(Delivered::deliveryCount).containsExactly(1, 2, 3);
        assertThat(factory.delivered()).extracting(Delivered::redelivered).containsExactly(false, true, true);
    }

    @Test
    void aTransactedDeliveryRolledBackMoreThanMaxRedeliveriesGoesToTheDeadLetterQueue() throws Exception {
        sendToQueue("poison");
        RecordingEndpointFactory factory = new RecordingEndpointFactory(message -> {
            throw new IllegalStateException("cannot process");
        }, true);

        activate(factory, spec(spec -> spec.setMaxRedeliveries(1)));

        await().atMost(PATIENCE).until(() -> deadLetters(GroupNames.queue(destination)).contains("poison"));
        assertThat(factory.delivered()).extracting(Delivered::deliveryCount).containsExactly(1, 2);
    }

    @Test
    void theAdapterGivesATransactedActivationsXaResourceForRecovery() throws Exception {
        sendToQueue("order 1");
        BolideActivationSpec queue = spec(spec -> { });
        activate(new RecordingEndpointFactory(message -> { }, true), queue);

        XAResource[] resources = adapter.getXAResources(new ActivationSpec[] {queue});

        assertThat(resources).hasSize(1);
        assertThat(resources[0].recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();
    }

    @Test
    void aNonTransactedActivationHasNoXaResource() throws Exception {
        sendToQueue("order 1");
        BolideActivationSpec queue = spec(spec -> { });
        activate(RecordingEndpointFactory.accepting(), queue);

        assertThat(adapter.getXAResources(new ActivationSpec[] {queue})).isEmpty();
    }

    @Test
    void anInvalidActivationPropertyFailsActivationNamingIt() {
        assertThatThrownBy(() -> activate(RecordingEndpointFactory.accepting(), spec(spec -> spec.setMaxSession(0))))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("maxSession");
    }

    /** Order is kept per RocketMQ queue; a destination of one queue has one order to keep. */
    private void createSingleQueueTopic() {
        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(adapter.nameServerAddress()))) {
            for (String broker : client.brokerMasters()) {
                assertThat(client.request(broker, RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", destination,
                        "readQueueNums", "1", "writeQueueNums", "1", "perm", "6"), null).join().code())
                        .isEqualTo(ResponseCode.SUCCESS);
            }
        }
    }

    private static Consumer<jakarta.jms.TextMessage> failTimes(int times) {
        int[] failures = {0};
        return message -> {
            if (failures[0]++ < times) {
                throw new IllegalStateException("failing on purpose");
            }
        };
    }

    private static Consumer<jakarta.jms.TextMessage> failOnce(String text) {
        boolean[] failed = {false};
        return message -> {
            try {
                if (message.getText().equals(text) && !failed[0]) {
                    failed[0] = true;
                    throw new IllegalStateException("failing on purpose");
                }
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitAtMost(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> union(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The group's committed offsets over the destination's queues, summed: how many messages it acknowledged. */
    private long committed(String group) {
        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(adapter.nameServerAddress()))) {
            return client.readQueues(destination).stream().mapToLong(queue -> Math.max(0,
                    client.committedOffset(group, queue))).sum();
        }
    }

    private List<String> members(String group) {
        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(adapter.nameServerAddress()))) {
            return client.consumerIds(group, destination);
        }
    }

    private List<String> deadLetters(String group) {
        String topic = "%DLQ%" + group;
        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(adapter.nameServerAddress()))) {
            List<String> texts = new ArrayList<>();
            for (MessageQueue queue : client.readQueues(topic)) {
                client.pull(PullRequest.of("dlq-readers", queue, 0, 32, Duration.ZERO, Subscription.all(topic)))
                        .messages().forEach(m -> texts.add(new String(m.body(), StandardCharsets.UTF_8)));
            }
            return texts;
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
