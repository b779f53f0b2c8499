package dev.bolide.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.ra.mdb.AuditBean;
import dev.bolide.ra.mdb.DeliveryLog;
import dev.bolide.ra.mdb.OrdersBean;
import dev.bolide.ra.mdb.PaymentCheckBean;
import dev.bolide.ra.mdb.PoisonBean;
import dev.bolide.ra.mdb.SelectiveBean;
import dev.bolide.ra.mdb.SharedPricesBean;
import dev.bolide.ra.mdb.StepsBean;
import dev.bolide.ra.mdb.TransactedOrdersBean;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message-driven beans bound to target/bolide-ra.rar in Payara Micro (EMBEDDED mode), and in WildFly
 * through the subclass MessageDrivenBeansOnWildFlyIT: the tests run in the server, send with the
 * adapter's own client classes and read what the beans recorded. Assertions are JUnit's, the only
 * test library packaged with the archive.
 */
@ExtendWith(ArquillianExtension.class)
class MessageDrivenBeansOnPayaraIT {
    /**
     * Also for check-backs: the postboot command file sets the embedded broker's transactionTimeout
     * to 1 s and its transactionCheckInterval to 2 s (RocketMQ's defaults, 6 s and 60 s, would make
     * the check-back test wait for the broker's first check pass).
     */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The store outlives a run: texts of this run are told apart from earlier ones by this suffix. */
    private static final String RUN = " #" + System.currentTimeMillis();

    /**
     * The beans, and what WildFly needs besides (MessageDrivenBeansOnWildFlyIT), which Payara ignores:
     * the beans bound to Bolide's adapter by jboss-ejb3.xml, the adapter's classes through a module
     * dependency on the rar's deployment.
     */
    @Deployment
    static WebArchive testArchive() {
        // this class too: Arquillian packages the running test class (the WildFly subclass), not its superclass
        return ShrinkWrap.create(WebArchive.class, "mdb-it.war").addPackage(DeliveryLog.class.getPackage())
                .addClass(MessageDrivenBeansOnPayaraIT.class)
                .addAsWebInfResource("wildfly/jboss-ejb3.xml", "jboss-ejb3.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.bolide-ra.rar\n"));
    }

    private static String nameServer() {
        return "127.0.0.1:" + System.getProperty("bolide.it.nameServerPort");
    }

    private static void send(boolean topic, String destination, String kind, String... texts) {
        try (JMSContext context = new BolideConnectionFactory(nameServer()).createContext()) {
            Destination to = topic ? context.createTopic(destination) : context.createQueue(destination);
            for (String text : texts) {
                context.createProducer().setProperty("kind", kind).send(to, text);
            }
        }
    }

    private static void eventually(Duration patience, BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + patience + ": " + what);
            Thread.sleep(200);
        }
    }

    @Test
    void aBeanOnAQueueReceivesWhatIsSent() throws Exception {
        send(false, OrdersBean.QUEUE, "order", "order 1" + RUN);

        eventually(PATIENCE, () -> DeliveryLog.textsOf(OrdersBean.QUEUE).contains("order 1" + RUN), "order 1 delivered");
    }

    @Test
    void aBeanOnADurableTopicSubscriptionReceives() throws Exception {
        sendUntilOneArrives(AuditBean.TOPIC);

        assertTrue(DeliveryLog.textsOf(AuditBean.TOPIC).get(0).startsWith("price "));
    }

    /**
     * Two beans, two activations, on one shared durable subscription: each price is delivered to one
     * of them, once (unshared, each bean would get every price). Each price is sent by a context of
     * its own, so the prices spread over the topic's queues, which the two divide between them.
     */
    @Test
    void twoBeansSharingASubscriptionProcessEachMessageOnce() throws Exception {
        sendUntilOneArrives(SharedPricesBean.TOPIC);
        List<String> prices = IntStream.range(0, 12).mapToObj(i -> "shared price " + i + RUN).toList();
        prices.forEach(price -> send(true, SharedPricesBean.TOPIC, "price", price));

        eventually(PATIENCE, () -> DeliveryLog.textsOf(SharedPricesBean.TOPIC).containsAll(prices), "every shared price");
        assertEquals(prices, DeliveryLog.textsOf(SharedPricesBean.TOPIC).stream().filter(prices::contains).sorted(
                Comparator.comparing(prices::indexOf)).toList(), "shared prices delivered, each once");
    }

    /** A new subscription starts at the end of the topic once its queues are found, so the test sends until one arrives. */
    private static void sendUntilOneArrives(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos() * 2;
        for (int tick = 0; DeliveryLog.of(topic).isEmpty(); tick++) {
            assertTrue(System.nanoTime() < deadline, "no price reached the subscription to " + topic);
            send(true, topic, "price", "price " + tick);
            Thread.sleep(1000);
        }
    }

    @Test
    void aThrowingBeanGetsTheMessageAgainWithAGrowingDeliveryCountThenItIsDeadLettered() throws Exception {
        send(false, PoisonBean.QUEUE, "poison", "poison 1" + RUN);

        String deadLetters = "%DLQ%" + GroupNames.queue(PoisonBean.QUEUE);
        eventually(PATIENCE, () -> texts(deadLetters).contains("poison 1" + RUN), "poison 1 on " + deadLetters);
        List<DeliveryLog.Entry> tries = DeliveryLog.of(PoisonBean.QUEUE);
        assertEquals(List.of(1, 2, 3), tries.stream().map(DeliveryLog.Entry::deliveryCount).toList());
        assertEquals(List.of(false, true, true), tries.stream().map(DeliveryLog.Entry::redelivered).toList());
    }

    @Test
    void aTransactedBeanWhoseTransactionRolledBackGetsTheMessageAgain() throws Exception {
        String text = "transacted order" + RUN;
        send(false, TransactedOrdersBean.QUEUE, "order", text);

        eventually(PATIENCE, () -> DeliveryLog.textsOf(TransactedOrdersBean.QUEUE).stream().filter(text::equals).count() == 2,
                "a second delivery after the rollback");
        List<DeliveryLog.Entry> tries = DeliveryLog.of(TransactedOrdersBean.QUEUE).stream()
                .filter(entry -> entry.text().equals(text)).toList();
        assertEquals(List.of(1, 2), tries.stream().map(DeliveryLog.Entry::deliveryCount).toList());
        assertEquals(List.of(false, true), tries.stream().map(DeliveryLog.Entry::redelivered).toList());
    }

    @Test
    void aBeansSelectorKeepsOtherMessagesAway() throws Exception {
        send(false, SelectiveBean.QUEUE, "unwanted", "not for the bean" + RUN);
        send(false, SelectiveBean.QUEUE, "wanted", "for the bean" + RUN);

        eventually(PATIENCE, () -> DeliveryLog.textsOf(SelectiveBean.QUEUE).contains("for the bean" + RUN), "selected");
        assertFalse(DeliveryLog.textsOf(SelectiveBean.QUEUE).stream().anyMatch(text -> text.startsWith("not for")),
                "a message the selector excludes reached the bean");
    }

    /**
     * One context sends the steps, so they sit in one RocketMQ queue in send order; the failed
     * delivery of step 2 (a rolled back transaction) comes again before step 3.
     */
    @Test
    void anOrderlyBeanGetsTheStepsInSendOrderWithAFailedOneAgainBeforeTheNext() throws Exception {
        List<String> steps = IntStream.range(0, 6).mapToObj(i -> "step " + i + RUN).toList();
        send(false, StepsBean.QUEUE, "step", steps.toArray(String[]::new));

        eventually(PATIENCE, () -> stepsOfThisRun().size() == steps.size() + 1, "every step delivered");
        String failing = StepsBean.FAILING + RUN;
        assertEquals(Stream.of(steps.subList(0, 3), List.of(failing), steps.subList(3, 6)).flatMap(List::stream)
                .toList(), stepsOfThisRun());
        assertEquals(List.of(1, 2), DeliveryLog.of(StepsBean.QUEUE).stream().filter(entry -> entry.text().equals(failing))
                .map(DeliveryLog.Entry::deliveryCount).toList());
    }

    private static List<String> stepsOfThisRun() {
        return DeliveryLog.textsOf(StepsBean.QUEUE).stream().filter(text -> text.endsWith(RUN)).toList();
    }

    /** A RocketMQ local transaction that never decided: the check-back bean decides it. */
    @Test
    void aCheckBackBeanDecidesUndecidedHalfMessages() throws Exception {
        String topic = "ItPayments";
        try (RocketMqClient producer = new RocketMqClient(ClientSettings.of(nameServer()))) {
            sendHalf(producer, topic, "unpaid order 8" + RUN);
            sendHalf(producer, topic, "paid order 7" + RUN);
        }

        eventually(PATIENCE, () -> texts(topic).contains("paid order 7" + RUN), "the committed payment");
        assertFalse(texts(topic).contains("unpaid order 8" + RUN), "the rolled back payment was delivered");
    }

    private static void sendHalf(RocketMqClient producer, String topic, String text) {
        producer.send(PaymentCheckBean.PRODUCER_GROUP, new OutgoingMessage(topic, text.getBytes(StandardCharsets.UTF_8),
                0, Map.of(PropertyKeys.TRANSACTION_PREPARED, "true",
                        PropertyKeys.PRODUCER_GROUP, PaymentCheckBean.PRODUCER_GROUP),
                MessageSysFlag.TRANSACTION_PREPARED_TYPE), null);
    }

    /** Every text stored on the topic, from the start of each queue; none while it does not exist. */
    private static List<String> texts(String topic) {
        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(nameServer()))) {
            List<String> texts = new ArrayList<>();
            for (MessageQueue queue : client.readQueues(topic)) {
                client.pull(PullRequest.of("it-readers", queue, 0, 32, Duration.ZERO, Subscription.all(topic)))
                        .messages().forEach(m -> texts.add(new String(m.body(), StandardCharsets.UTF_8)));
            }
            return texts;
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
