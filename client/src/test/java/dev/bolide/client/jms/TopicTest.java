package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.spi.ConnectionSettings;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.protocol.remoting.RequestCode;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TopicTest extends JmsTestBase {
    @Test
    void everySubscriberOfATopicGetsEachMessage() throws Exception {
        Session session = connection().createSession();
        Topic topic = session.createTopic(fresh("News"));
        MessageConsumer first = session.createConsumer(topic);
        MessageConsumer second = connection().createSession().createConsumer(topic);

        session.createProducer(topic).send(session.createTextMessage("hello"));

        assertThat(text(first.receive(5000))).isEqualTo("hello");
        assertThat(text(second.receive(5000))).isEqualTo("hello");
    }

    @Test
    void aNonDurableSubscriberMissesWhatWasSentBeforeIt() throws Exception {
        Session session = connection().createSession();
        Topic topic = session.createTopic(fresh("Late"));
        session.createProducer(topic).send(session.createTextMessage("before"));
        // the broker indexes a stored message for consumers asynchronously: "the end" includes it once indexed
        try (RocketMqClient observer = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> observer.readQueues(topic.getTopicName()).stream()
                    .mapToLong(observer::maxOffset).sum() == 1);
        }

        MessageConsumer late = session.createConsumer(topic);
        session.createProducer(topic).send(session.createTextMessage("after"));

        assertThat(text(late.receive(5000))).isEqualTo("after");
    }

    @Test
    void aDurableSubscriptionReceivesWhatWasSentWhileItWasOffline() throws Exception {
        Connection connection = started(factory("clientId", "durable-app").createConnection());
        Session session = connection.createSession();
        Topic topic = session.createTopic(fresh("Prices"));
        session.createDurableConsumer(topic, "prices").close();

        session.createProducer(topic).send(session.createTextMessage("while offline"));

        assertThat(text(session.createDurableConsumer(topic, "prices").receive(5000))).isEqualTo("while offline");
    }

    @Test
    void unsubscribeEndsTheDurableSubscription() throws Exception {
        Connection connection = started(factory("clientId", "unsubscriber").createConnection());
        Session session = connection.createSession();
        Topic topic = session.createTopic(fresh("Gone"));
        session.createDurableConsumer(topic, "gone").close();

        session.unsubscribe("gone");

        assertThatThrownBy(() -> session.unsubscribe("gone")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void unsubscribeIsRefusedWhileTheSubscriptionHasAConsumer() throws Exception {
        Connection connection = started(factory("clientId", "active-app").createConnection());
        Session session = connection.createSession();
        Topic topic = session.createTopic(fresh("Active"));
        session.createDurableConsumer(topic, "active");

        assertThatThrownBy(() -> session.unsubscribe("active")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDurableSubscriptionNeedsAClientId() throws Exception {
        Session session = connection().createSession();
        Topic topic = session.createTopic(fresh("NoId"));

        assertThatThrownBy(() -> session.createDurableConsumer(topic, "x")).isInstanceOf(IllegalStateException.class);
    }

    /**
     * A session that spreads its sends ({@code sendOrder=SPREAD}) feeds every consumer of a shared
     * subscription; with the default, each of its messages goes to the one queue, and consumer, it keeps to.
     */
    @Test
    void aSharedDurableSubscriptionSplitsASpreadingSessionsMessagesBetweenItsConsumers() throws Exception {
        Session session = connection().createSession();
        Topic topic = session.createTopic(fresh("Work"));
        MessageConsumer first = session.createSharedDurableConsumer(topic, "workers");
        MessageConsumer second = connection().createSession().createSharedDurableConsumer(topic, "workers");
        Session spreading = started(factory(ConnectionSettings.SEND_ORDER, "SPREAD").createConnection())
                .createSession();
        List<String> firstGot = new ArrayList<>();
        List<String> secondGot = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();

        // the second consumer's connection takes its share of the queues once the group has rebalanced
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sendTexts(spreading, topic, sent.getAndAdd(12), 12);
            firstGot.addAll(QueueTest.drain(first));
            secondGot.addAll(QueueTest.drain(second));
            return !firstGot.isEmpty() && !secondGot.isEmpty();
        });

        assertThat(firstGot.size() + secondGot.size()).isEqualTo(sent.get());
        assertThat(firstGot).doesNotContainAnyElementsOf(secondGot);
    }

    @Test
    void anActiveSharedSubscriptionRefusesAConsumerOnAnotherTopicOrSelector() throws Exception {
        Session session = connection().createSession();
        Topic first = session.createTopic(fresh("SharedFirst"));
        Topic second = session.createTopic(fresh("SharedSecond"));
        session.createSharedConsumer(first, "one-name");

        assertThatThrownBy(() -> session.createSharedConsumer(second, "one-name"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createSharedConsumer(first, "one-name", "a = 1"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(session.createSharedConsumer(first, "one-name")).isNotNull();
    }

    @Test
    void aSharedNonDurableSubscriptionDeliversEachMessageToOneOfItsConsumers() throws Exception {
        Session session = connection().createSession();
        Topic topic = session.createTopic(fresh("Shared"));
        MessageConsumer first = session.createSharedConsumer(topic, "shared");
        MessageConsumer second = session.createSharedConsumer(topic, "shared");
        sendTexts(session, topic, 6);

        List<String> all = new ArrayList<>(QueueTest.drain(first));
        all.addAll(QueueTest.drain(second));

        assertThat(all).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void noLocalSkipsMessagesOfTheOwnConnection() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Topic topic = session.createTopic(fresh("Chat"));
        MessageConsumer noLocal = session.createConsumer(topic, null, true);
        Session other = connection().createSession();

        session.createProducer(topic).send(session.createTextMessage("mine"));
        other.createProducer(topic).send(other.createTextMessage("theirs"));

        assertThat(text(noLocal.receive(5000))).isEqualTo("theirs");
        assertThat(noLocal.receive(500)).isNull();
    }

    @Test
    void aNonDurableSubscribersGroupIsRemovedFromTheBrokerWhenItCloses() throws Exception {
        Connection connection = factory().createConnection();
        Session session = connection.createSession();
        session.createConsumer(session.createTopic(fresh("Brief")));
        try (RocketMqClient observer = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            assertThat(groupTable(observer)).contains("BOLIDE_ND_");

            connection.close();

            assertThat(groupTable(observer)).doesNotContain("BOLIDE_ND_");
        }
    }

    private static String groupTable(RocketMqClient observer) {
        byte[] body = observer.request(observer.brokerMasters().get(0), RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
                Map.of(), null).join().body();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static void sendTexts(Session session, Topic topic, int count) throws Exception {
        sendTexts(session, topic, 0, count);
    }

    private static void sendTexts(Session session, Topic topic, int first, int count) throws Exception {
        MessageProducer producer = session.createProducer(topic);
        for (int i = first; i < first + count; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
    }
}
