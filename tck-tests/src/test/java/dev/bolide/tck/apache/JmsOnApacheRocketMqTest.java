package dev.bolide.tck.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.RocketMqClient;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Bolide JMS client against a real Apache RocketMQ 4.9.7 broker: the core paths work with
 * standard RocketMQ requests only, and a feature that needs a Bolide extension fails with an
 * exception that names it. Topics are created first, as an operator does on Apache RocketMQ.
 */
class JmsOnApacheRocketMqTest {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();
    private static final long RECEIVE_MILLIS = 15_000;

    private final List<Connection> connections = new ArrayList<>();

    @AfterEach
    void closeConnections() throws JMSException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    private Session session(String clientId) throws JMSException {
        return connection(clientId).createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private Connection connection(String clientId) throws JMSException {
        BolideConnectionFactory factory = new BolideConnectionFactory(BROKER.nameServerAddress());
        factory.setClientId(clientId);
        Connection connection = factory.createConnection();
        connections.add(connection);
        connection.start();
        return connection;
    }

    private static String textOf(Message message) throws JMSException {
        assertThat(message).as("a message within %d ms", RECEIVE_MILLIS).isNotNull();
        return ((TextMessage) message).getText();
    }

    @Test
    void aQueueDeliversWhatWasSentToIt() throws Exception {
        BROKER.createTopic("JmsQueue");
        Session session = session(null);
        Queue queue = session.createQueue("JmsQueue");
        session.createProducer(queue).send(session.createTextMessage("to the queue"));

        assertThat(textOf(session.createConsumer(queue).receive(RECEIVE_MILLIS))).isEqualTo("to the queue");
    }

    @Test
    void aTopicDeliversToEachOfTwoSubscribers() throws Exception {
        BROKER.createTopic("JmsTopic");
        Session session = session(null);
        Topic topic = session.createTopic("JmsTopic");
        MessageConsumer first = session.createConsumer(topic);
        MessageConsumer second = session(null).createConsumer(topic);
        session.createProducer(topic).send(session.createTextMessage("to all"));

        assertThat(textOf(first.receive(RECEIVE_MILLIS))).isEqualTo("to all");
        assertThat(textOf(second.receive(RECEIVE_MILLIS))).isEqualTo("to all");
    }

    @Test
    void aDurableSubscriptionReceivesWhatWasSentWhileItWasOffline() throws Exception {
        BROKER.createTopic("JmsDurable");
        Session subscriber = session("durable-client");
        Topic topic = subscriber.createTopic("JmsDurable");
        subscriber.createDurableSubscriber(topic, "offline").close();
        Session publisher = session(null);
        publisher.createProducer(topic).send(publisher.createTextMessage("while offline"));

        assertThat(textOf(subscriber.createDurableSubscriber(topic, "offline").receive(RECEIVE_MILLIS)))
                .isEqualTo("while offline");
    }

    /** Unsubscribing deletes the group with its offsets (DELETE_SUBSCRIPTIONGROUP, removeOffset): nothing is left. */
    @Test
    void aDurableSubscriptionCreatedAgainAfterUnsubscribeStartsEmpty() throws Exception {
        BROKER.createTopic("JmsResubscribed");
        Session subscriber = session("resubscribing-client");
        Topic topic = subscriber.createTopic("JmsResubscribed");
        subscriber.createDurableSubscriber(topic, "again").close();
        subscriber.createProducer(topic).send(subscriber.createTextMessage("before unsubscribe"));
        try (RocketMqClient observer = new RocketMqClient(ClientSettings.of(BROKER.nameServerAddress()))) {
            // the broker indexes a stored message for consumers asynchronously
            await().atMost(Duration.ofSeconds(10)).until(() -> observer.readQueues("JmsResubscribed").stream()
                    .mapToLong(observer::maxOffset).sum() == 1);
        }

        subscriber.unsubscribe("again");
        MessageConsumer again = subscriber.createDurableSubscriber(topic, "again");
        subscriber.createProducer(topic).send(subscriber.createTextMessage("after"));

        assertThat(textOf(again.receive(RECEIVE_MILLIS))).isEqualTo("after");
    }

    /**
     * A topic subscriber's selector is applied by the client: Apache RocketMQ filters SQL92 only, whose
     * rules are not Jakarta Messaging's, so the subscriber takes every message and selects itself.
     */
    @Test
    void aTopicSubscribersSelectorOnPropertiesIsAppliedByTheClient() throws Exception {
        BROKER.createTopic("JmsSelector");
        Session session = session(null);
        Topic topic = session.createTopic("JmsSelector");
        MessageConsumer consumer = session.createConsumer(topic, "color = 'red' AND size > 2");
        MessageProducer producer = session.createProducer(topic);
        producer.send(shirt(session, "blue", 5));
        producer.send(shirt(session, "red", 1));
        producer.send(shirt(session, "red", 3));

        assertThat(textOf(consumer.receive(RECEIVE_MILLIS))).isEqualTo("red 3");
        assertThat(consumer.receive(2_000)).as("no second match").isNull();
    }

    /** Apache RocketMQ has no Bolide branches: the client commits through END_TRANSACTION there. */
    @Test
    void aTransactedSessionDeliversWhatItCommittedAndNothingItRolledBack() throws Exception {
        BROKER.createTopic("JmsTransacted");
        Session transacted = connection(null).createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("JmsTransacted");
        MessageProducer producer = transacted.createProducer(queue);
        producer.send(transacted.createTextMessage("rolled back"));
        transacted.rollback();
        // more than a batch holds (256 KiB): the client's batch of half messages is refused there, and
        // they go one by one
        Set<String> committed = new HashSet<>();
        String padding = "x".repeat(3000);
        for (int i = 0; i < 100; i++) {
            committed.add("committed " + i + padding);
            producer.send(transacted.createTextMessage("committed " + i + padding));
        }
        transacted.commit();

        MessageConsumer consumer = session(null).createConsumer(queue);
        Set<String> received = new HashSet<>();
        for (int i = 0; i < committed.size(); i++) {
            received.add(textOf(consumer.receive(RECEIVE_MILLIS)));
        }
        assertThat(received).isEqualTo(committed);
        assertThat(consumer.receive(2_000)).as("nothing of the rolled back transaction").isNull();
    }

    /** Sends all still held at commit go as one ordinary batch, which Apache RocketMQ stores too. */
    @Test
    void aSmallTransactionIsCommittedAsOneBatch() throws Exception {
        BROKER.createTopic("JmsSmallTransaction");
        Session transacted = connection(null).createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("JmsSmallTransaction");
        MessageProducer producer = transacted.createProducer(queue);
        producer.send(transacted.createTextMessage("first"));
        producer.send(transacted.createTextMessage("second"));
        transacted.commit();

        MessageConsumer consumer = session(null).createConsumer(queue);
        Set<String> received = new HashSet<>();
        received.add(textOf(consumer.receive(RECEIVE_MILLIS)));
        received.add(textOf(consumer.receive(RECEIVE_MILLIS)));
        assertThat(received).containsExactlyInAnyOrder("first", "second");
    }

    private static TextMessage shirt(Session session, String color, int size) throws JMSException {
        TextMessage message = session.createTextMessage(color + " " + size);
        message.setStringProperty("color", color);
        message.setIntProperty("size", size);
        return message;
    }

    /** The same for a selector on a JMS header, which SQL92 could not even name. */
    @Test
    void aTopicSubscribersSelectorOnAJmsHeaderIsAppliedByTheClient() throws Exception {
        BROKER.createTopic("JmsHeaderSelector");
        Session session = session(null);
        Topic topic = session.createTopic("JmsHeaderSelector");
        MessageConsumer urgent = session.createConsumer(topic, "JMSPriority > 4");
        MessageProducer producer = session.createProducer(topic);
        producer.send(session.createTextMessage("normal"), DeliveryMode.PERSISTENT, 4, 0);
        producer.send(session.createTextMessage("urgent"), DeliveryMode.PERSISTENT, 9, 0);

        assertThat(textOf(urgent.receive(RECEIVE_MILLIS))).isEqualTo("urgent");
        assertThat(urgent.receive(2_000)).as("no second match").isNull();
    }
}
