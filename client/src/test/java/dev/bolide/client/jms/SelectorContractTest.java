package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.RocketMqClient;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One selector, two places that apply it: the client for a queue's consumer, the broker for a topic's
 * subscriber (the client when the broker's property filter is off). For each row of the table all
 * must receive exactly the row's matching messages, the same ones, whatever the selector names:
 * typed properties or the six selectable headers. Durable and shared subscriptions select as
 * subscribers do, with either broker, and a durable subscription created again with another
 * selector is replaced (Jakarta Messaging 3.1, 8.3).
 */
class SelectorContractTest extends JmsTestBase {
    /** How long a consumer waits for one more message once it has those it expects. */
    private static final long QUIET_MILLIS = 300;
    /** A broker as RocketMQ's defaults leave it: {@code enablePropertyFilter = false}. */
    private static LoopbackBroker unfiltering;
    private static final String LAST = "lastMessage = TRUE";
    private static final String LAST_TEXT = "Message 10";

    @BeforeAll
    static void startUnfilteringBroker() throws Exception {
        unfiltering = LoopbackBroker.builder(dir, "unfiltering").start();
    }

    @AfterAll
    static void stopUnfilteringBroker() throws Exception {
        unfiltering.close();
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("$mark = TRUE AND _flag = FALSE",
                        sent("match", m -> flags(m, true, false)), sent("other", m -> flags(m, true, true))),
                new Row("JMSType   =   'foo'", sent("match", m -> m.setJMSType("foo")), sent("other", m -> m.setJMSType("bar"))),
                new Row("(yes OR no) AND no",
                        sent("match", m -> yesNo(m, true, true)), sent("other", m -> yesNo(m, true, false))),
                new Row("s = 'foo' AND i > 0 AND f >= 2 AND d < 5 AND l <= 6 AND f <> 7",
                        sent("match", SelectorContractTest::numbers), sent("other", m -> m.setStringProperty("s", "foo"))),
                new Row("i BETWEEN 5 and 10 AND j between -1 AND 1",
                        sent("match", m -> ints(m, 7, -1)), sent("other", m -> ints(m, 11, 0))),
                new Row("JMSType LIKE 'jm_%'", sent("match", m -> m.setJMSType("jms")), sent("other", m -> m.setJMSType("j"))),
                new Row("absent IS NULL",
                        sent("match", m -> m.setJMSType("")), sent("other", m -> m.setStringProperty("absent", "x"))),
                new Row("s is null and t like 'fooG_%' escape 'G' and t in ('foo_a', 'b') and i not between 0 and 10",
                        sent("match", m -> caseRow(m, "foo_a")), sent("other", m -> caseRow(m, "fooXa"))),
                new Row("empty = '' AND empty IS NOT NULL",
                        sent("match", m -> m.setStringProperty("empty", "")), sent("other", m -> m.setStringProperty("x", ""))),
                new Row("JMSDeliveryMode = 'NON_PERSISTENT'", sent("match", m -> m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT)),
                        sent("other", m -> m.setJMSDeliveryMode(DeliveryMode.PERSISTENT))),
                new Row("JMSPriority > 6", sent("match", m -> m.setJMSPriority(9)), sent("other", m -> m.setJMSPriority(4))),
                new Row("JMSCorrelationID = 'order-7'", sent("match", m -> m.setJMSCorrelationID("order-7")),
                        sent("other", m -> m.setJMSCorrelationID("order-8"))),
                new Row("JMSMessageID LIKE 'ID:%' AND JMSTimestamp > 1000000000000",
                        sent("match", m -> { }), sent("match too", m -> { })),
                new Row("big = -9223372036854775808L AND oct = 035 AND hex = 0x1d",
                        sent("match", m -> extremes(m, Long.MIN_VALUE)), sent("other", m -> extremes(m, 0))));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void aQueueConsumerAndATopicSubscriberSelectTheSameMessages(Row row) throws Exception {
        Session session = connection().createSession();
        Destination queue = session.createQueue(fresh("SelectedQueue"));
        Destination topic = session.createTopic(fresh("SelectedTopic"));
        Session elsewhere = started(new BolideConnectionFactory(unfiltering.nameServer()).createConnection())
                .createSession();
        Destination unfilteredTopic = elsewhere.createTopic(freshOnUnfiltering("UnfilteredTopic"));
        MessageConsumer fromQueue = session.createConsumer(queue, row.selector());
        MessageConsumer fromTopic = session.createConsumer(topic, row.selector());
        MessageConsumer fromUnfilteredTopic = elsewhere.createConsumer(unfilteredTopic, row.selector());

        send(session, queue, row);
        send(session, topic, row);
        send(elsewhere, unfilteredTopic, row);

        assertThat(receiveAll(fromQueue, row.matches())).as("queue, applied by the client").isEqualTo(row.matches());
        assertThat(receiveAll(fromTopic, row.matches())).as("topic, applied by the broker").isEqualTo(row.matches());
        assertThat(receiveAll(fromUnfilteredTopic, row.matches())).as("topic, applied by the client")
                .isEqualTo(row.matches());
    }

    @ParameterizedTest(name = "broker filters: {0}")
    @ValueSource(booleans = {true, false})
    void aDurableSubscriptionGetsWhatItsSelectorSelectsAndSkipsTheRestForGood(boolean brokerFilters)
            throws Exception {
        Session session = connectionTo(brokerFilters, "durable-selector").createSession();
        Topic topic = session.createTopic(freshOn(brokerFilters, "DurableSelected"));
        session.createConsumer(topic); // another subscriber of the topic, without a selector, as the TCK has
        MessageConsumer last = session.createDurableConsumer(topic, "last", LAST, false);

        sendNumbered(session, topic);

        assertThat(receiveAll(last, List.of(LAST_TEXT))).containsExactly(LAST_TEXT);
        last.close();
        String group = GroupNames.definition(GroupNames.durable("durable-selector", "last"), topic.getTopicName(),
                LAST, false);
        awaitCommittedToTheEnd(brokerFilters, group, topic);
    }

    @ParameterizedTest(name = "broker filters: {0}")
    @ValueSource(booleans = {true, false})
    void aSharedSubscriptionsConsumersTogetherGetEachSelectedMessageOnce(boolean brokerFilters) throws Exception {
        Session session = connectionTo(brokerFilters, null).createSession();
        Session otherSession = connectionTo(brokerFilters, null).createSession();
        Topic topic = session.createTopic(freshOn(brokerFilters, "SharedSelected"));
        List<MessageConsumer> consumers = List.of(session.createSharedConsumer(topic, "last", LAST),
                session.createSharedConsumer(topic, "last", LAST), session.createSharedDurableConsumer(topic,
                        "lastDurable", LAST), otherSession.createSharedDurableConsumer(topic, "lastDurable", LAST));

        sendNumbered(session, topic);
        sendNumbered(session, topic);

        assertThat(receiveAll(consumers.subList(0, 2), 2)).containsExactly(LAST_TEXT, LAST_TEXT);
        assertThat(receiveAll(consumers.subList(2, 4), 2)).containsExactly(LAST_TEXT, LAST_TEXT);
    }

    @ParameterizedTest(name = "broker filters: {0}")
    @ValueSource(booleans = {true, false})
    void sharedConsumersTakeTurnsOnTheSelectedMessagesOnly(boolean brokerFilters) throws Exception {
        Session session = connectionTo(brokerFilters, null).createSession();
        Topic topic = session.createTopic(freshOn(brokerFilters, "SharedTurns"));
        MessageConsumer first = session.createSharedConsumer(topic, "turns", LAST);
        MessageConsumer second = session.createSharedConsumer(topic, "turns", LAST);

        sendNumbered(session, topic);
        assertThat(text(first.receive(5000))).isEqualTo(LAST_TEXT);
        assertThat(second.receive(QUIET_MILLIS)).isNull();
        sendNumbered(session, topic);
        assertThat(text(second.receive(5000))).isEqualTo(LAST_TEXT);
        assertThat(first.receive(QUIET_MILLIS)).isNull();
    }

    @ParameterizedTest(name = "broker filters: {0}")
    @ValueSource(booleans = {true, false})
    void anotherSelectorReplacesADurableSubscription(boolean brokerFilters) throws Exception {
        Connection connection = brokerFilters ? factory("clientId", "changing").createConnection()
                : factoryOfUnfiltering("changing").createConnection();
        closedAfterTest(connection);
        Session session = connection.createSession();
        Topic topic = session.createTopic(freshOn(brokerFilters, "ChangedSelector"));
        MessageConsumer old = session.createDurableSubscriber(topic, "changing", "test = 'old'", false);
        connection.start(); // after the subscription, as the TCK does
        session.createProducer(topic).send(tested(session, "old"));
        assertThat(text(old.receive(5000))).isEqualTo("old");
        old.close();

        MessageConsumer changed = session.createDurableSubscriber(topic, "changing", "test = 'new'", false);
        session.createProducer(topic).send(tested(session, "old"));
        session.createProducer(topic).send(tested(session, "new"));

        assertThat(receiveAll(changed, List.of("new"))).containsExactly("new");
    }

    private Connection connectionTo(boolean brokerFilters, String clientId) throws JMSException {
        if (brokerFilters) {
            return clientId == null ? connection() : started(factory("clientId", clientId).createConnection());
        }
        return started(factoryOfUnfiltering(clientId).createConnection());
    }

    private static BolideConnectionFactory factoryOfUnfiltering(String clientId) {
        Properties properties = new Properties();
        properties.setProperty("nameServers", unfiltering.nameServer());
        if (clientId != null) {
            properties.setProperty("clientId", clientId);
        }
        return new BolideConnectionFactory(properties);
    }

    private static String freshOn(boolean brokerFilters, String prefix) {
        return brokerFilters ? fresh(prefix) : freshOnUnfiltering(prefix);
    }

    private static String freshOnUnfiltering(String prefix) {
        String name = fresh(prefix);
        unfiltering.createTopic(name, 4);
        return name;
    }

    /** Messages 1 to 10, the tenth alone with {@code lastMessage} true. */
    private static void sendNumbered(Session session, Topic topic) throws JMSException {
        MessageProducer producer = session.createProducer(topic);
        for (int i = 1; i <= 10; i++) {
            Message message = session.createTextMessage("Message " + i);
            message.setBooleanProperty("lastMessage", i == 10);
            producer.send(message);
        }
    }

    private static Message tested(Session session, String test) throws JMSException {
        Message message = session.createTextMessage(test);
        message.setStringProperty("test", test);
        return message;
    }

    /**
     * Fails unless the group's committed offsets reach the end of every queue of the topic within 5 s:
     * what the subscription skipped must not hold its offsets back (and come again at each restart).
     */
    private static void awaitCommittedToTheEnd(boolean brokerFilters, String group, Topic topic) throws Exception {
        String nameServer = brokerFilters ? broker.nameServer() : unfiltering.nameServer();
        try (RocketMqClient observer = new RocketMqClient(ClientSettings.of(nameServer))) {
            List<MessageQueue> queues = observer.readQueues(topic.getTopicName());
            Awaitility.await("offsets of " + group + " committed to the end").atMost(Duration.ofSeconds(5))
                    .until(() -> queues.stream()
                            .allMatch(queue -> observer.committedOffset(group, queue) == observer.maxOffset(queue)));
        }
    }

    /** What some consumers together receive: taken in turns until {@code expected} came, then a quiet moment. */
    private static List<String> receiveAll(List<MessageConsumer> consumers, int expected) throws Exception {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (received.size() < expected && System.nanoTime() < deadline) {
            for (MessageConsumer consumer : consumers) {
                Message message = consumer.receive(50);
                if (message != null) {
                    received.add(text(message));
                }
            }
        }
        for (MessageConsumer consumer : consumers) {
            received.addAll(receiveAll(consumer, List.of()));
        }
        return received;
    }

    private static void send(Session session, Destination to, Row row) throws JMSException {
        MessageProducer producer = session.createProducer(to);
        for (Sent message : row.messages()) {
            Message jms = session.createTextMessage(message.text());
            message.setup().apply(jms);
            producer.send(jms, jms.getJMSDeliveryMode(), jms.getJMSPriority(), 0);
        }
    }

    /** The texts of what arrives until the expected count and a quiet moment, or until none comes for 5 s. */
    private static List<String> receiveAll(MessageConsumer consumer, List<String> expected) throws Exception {
        List<String> received = new ArrayList<>();
        while (true) {
            Message message = consumer.receive(received.size() < expected.size() ? 5000 : QUIET_MILLIS);
            if (message == null) {
                return received;
            }
            received.add(text(message));
        }
    }

    private static void flags(Message message, boolean mark, boolean flag) throws JMSException {
        message.setBooleanProperty("$mark", mark);
        message.setBooleanProperty("_flag", flag);
    }

    private static void yesNo(Message message, boolean yes, boolean no) throws JMSException {
        message.setBooleanProperty("yes", yes);
        message.setBooleanProperty("no", no);
    }

    private static void numbers(Message message) throws JMSException {
        message.setStringProperty("s", "foo");
        message.setIntProperty("i", 1);
        message.setFloatProperty("f", 2.0f);
        message.setDoubleProperty("d", 4.0);
        message.setLongProperty("l", 6L);
    }

    private static void ints(Message message, int i, int j) throws JMSException {
        message.setIntProperty("i", i);
        message.setIntProperty("j", j);
    }

    private static void caseRow(Message message, String t) throws JMSException {
        message.setStringProperty("t", t);
        message.setIntProperty("i", 20);
    }

    private static void extremes(Message message, long big) throws JMSException {
        message.setLongProperty("big", big);
        message.setShortProperty("oct", (short) 29);
        message.setByteProperty("hex", (byte) 29);
    }

    private static Sent sent(String text, Setup setup) {
        return new Sent(text, setup);
    }

    /** A selector, the messages sent, and (in sending order) the texts of those it selects. */
    record Row(String selector, List<Sent> messages) {
        Row(String selector, Sent... messages) {
            this(selector, List.of(messages));
        }

        List<String> matches() {
            return messages.stream().map(Sent::text).filter(text -> text.startsWith("match")).toList();
        }

        @Override
        public String toString() {
            return selector;
        }
    }

    /** A message by its text, "match..." when the row's selector selects it. */
    record Sent(String text, Setup setup) {
    }

    @FunctionalInterface
    interface Setup {
        void apply(Message message) throws JMSException;
    }
}
