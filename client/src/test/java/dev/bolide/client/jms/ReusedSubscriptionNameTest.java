package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of one suite that reuse a durable subscription's name on one topic under one client id, as the
 * Jakarta Messaging TCK's {@code core.appclient.txtopictests} do ({@code cts},
 * {@code TxTopicTestSubscription}): JUnit runs its rollback-on-publish test first (by the hash of the
 * method names), which ends without unsubscribing; the subscription then keeps every message the next
 * tests publish to the topic, and the rollback-on-close tests' first receive gets one of those, as
 * Jakarta Messaging 3.1 (6.11.1) requires of a durable subscription. A Bolide (or ActiveMQ Artemis)
 * broker that fails them in a full run is right; once nothing is left under the name, they pass
 * whatever ran before.
 */
class ReusedSubscriptionNameTest extends JmsTestBase {
    private static final String CLIENT_ID = "cts";
    private static final String SUBSCRIPTION = "TxTopicTestSubscription";

    @Test
    void aSubscriptionAnEarlierTestLeftKeepsWhatWasPublishedSinceAndDeliversItFirst() throws Exception {
        String topicName = fresh("SharedTckTopic");
        leaveTheSubscriptionAfterATransactedRound(topicName);
        publishThroughASubscriptionOfItsOwn(topicName, "published by the next test");

        try (Connection connection = clientConnection()) {
            Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
            Topic topic = transacted.createTopic(topicName);
            MessageConsumer subscriber = transacted.createDurableSubscriber(topic, SUBSCRIPTION);
            publishCommitted(connection, topic, "this test's own");

            List<String> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                received.add(text(subscriber.receive(5000)));
            }

            // the two sessions' messages may come in either order: each keeps its own
            assertThat(received).containsExactlyInAnyOrder("published by the next test",
                    "published by the next test, second", "this test's own");
            assertThat(received).filteredOn(text -> text.startsWith("published"))
                    .containsExactly("published by the next test", "published by the next test, second");
            transacted.commit();
            subscriber.close();
            transacted.unsubscribe(SUBSCRIPTION);
        }
    }

    @Test
    void theRollbackOnCloseTestsReuseTheNameCleanlyOnceItIsUnsubscribed() throws Exception {
        String topicName = fresh("SharedTckTopic");
        leaveTheSubscriptionAfterATransactedRound(topicName);
        unsubscribeTheLeftSubscription(topicName);

        for (int run = 0; run < 2; run++) {
            assertThat(closingTheSessionRollsBackTheReceive(topicName)).as("run %d", run).isEqualTo("second");
            publishThroughASubscriptionOfItsOwn(topicName, "between the tests");
            assertThat(closingTheConnectionRollsBackTheReceive(topicName)).as("run %d", run).isEqualTo("second");
        }
    }

    /** Receives its first message and commits, receives the second and closes the session: what does the next session get? */
    private String closingTheSessionRollsBackTheReceive(String topicName) throws Exception {
        try (Connection connection = clientConnection()) {
            Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
            Topic topic = transacted.createTopic(topicName);
            MessageConsumer subscriber = transacted.createDurableSubscriber(topic, SUBSCRIPTION);
            publishCommitted(connection, topic, "first");
            assertThat(text(subscriber.receive(5000))).isEqualTo("first");
            transacted.commit();
            publishCommitted(connection, topic, "second");
            assertThat(text(subscriber.receive(5000))).isEqualTo("second");
            transacted.close();

            Session next = connection.createSession(Session.SESSION_TRANSACTED);
            MessageConsumer again = next.createDurableSubscriber(topic, SUBSCRIPTION);
            String redelivered = text(again.receive(5000));
            next.commit();
            again.close();
            next.unsubscribe(SUBSCRIPTION);
            return redelivered;
        }
    }

    /** The same with the connection closed instead; a new connection of the same client id resumes the subscription. */
    private String closingTheConnectionRollsBackTheReceive(String topicName) throws Exception {
        Connection connection = clientConnection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Topic topic = transacted.createTopic(topicName);
        MessageConsumer subscriber = transacted.createDurableSubscriber(topic, SUBSCRIPTION);
        MessageProducer publisher = transacted.createProducer(topic);
        publisher.send(transacted.createTextMessage("first"));
        transacted.commit();
        assertThat(text(subscriber.receive(5000))).isEqualTo("first");
        transacted.commit();
        publisher.send(transacted.createTextMessage("second"));
        transacted.commit();
        assertThat(text(subscriber.receive(5000))).isEqualTo("second");
        connection.close();

        try (Connection next = clientConnection()) {
            Session session = next.createSession(Session.SESSION_TRANSACTED);
            MessageConsumer again = session.createDurableSubscriber(topic, SUBSCRIPTION);
            String redelivered = text(again.receive(5000));
            session.commit();
            again.close();
            session.unsubscribe(SUBSCRIPTION);
            return redelivered;
        }
    }

    /**
     * Creates the subscription, receives in a transaction what another session publishes (one
     * publish rolled back), commits, and closes the connection without unsubscribing.
     */
    private void leaveTheSubscriptionAfterATransactedRound(String topicName) throws Exception {
        try (Connection connection = clientConnection()) {
            Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
            Topic topic = transacted.createTopic(topicName);
            MessageConsumer subscriber = transacted.createDurableSubscriber(topic, SUBSCRIPTION);
            Session publishing = connection.createSession(Session.SESSION_TRANSACTED);
            MessageProducer publisher = publishing.createProducer(topic);
            publisher.send(publishing.createTextMessage("kept"));
            publishing.commit();
            assertThat(text(subscriber.receive(5000))).isEqualTo("kept");
            publisher.send(publishing.createTextMessage("rolled back"));
            publishing.rollback();
            publisher.send(publishing.createTextMessage("last"));
            publishing.commit();
            assertThat(text(subscriber.receive(5000))).isEqualTo("last");
            transacted.commit();
        }
    }

    /** Another test of the suite: two messages to the topic, received through a subscription it then unsubscribes. */
    private void publishThroughASubscriptionOfItsOwn(String topicName, String text) throws Exception {
        try (Connection connection = clientConnection()) {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            Topic topic = session.createTopic(topicName);
            MessageConsumer own = session.createDurableSubscriber(topic, "itsOwnSubscription");
            MessageProducer publisher = session.createProducer(topic);
            publisher.send(session.createTextMessage(text));
            session.commit();
            publisher.send(session.createTextMessage(text + ", second"));
            session.commit();
            assertThat(text(own.receive(5000))).isEqualTo(text);
            assertThat(text(own.receive(5000))).isEqualTo(text + ", second");
            session.commit();
            own.close();
            session.unsubscribe("itsOwnSubscription");
        }
    }

    private void unsubscribeTheLeftSubscription(String topicName) throws Exception {
        try (Connection connection = clientConnection()) {
            connection.createSession().unsubscribe(SUBSCRIPTION);
        }
    }

    private static void publishCommitted(Connection connection, Topic topic, String text) throws Exception {
        Session publishing = connection.createSession(Session.SESSION_TRANSACTED);
        Message message = publishing.createTextMessage(text);
        publishing.createProducer(topic).send(message);
        publishing.commit();
        publishing.close();
    }

    /** A started connection of the suite's client id; only one may be open at a time. */
    private Connection clientConnection() throws Exception {
        return started(factory("clientId", CLIENT_ID).createConnection());
    }
}
