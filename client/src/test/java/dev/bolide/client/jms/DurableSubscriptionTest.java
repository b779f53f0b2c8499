package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.RocketMqClient;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1's rules for durable subscriptions (8.3, createDurableConsumer, unsubscribe):
 * created again with another topic, selector or noLocal, a subscription is replaced, which drops
 * what it held; unsubscribing drops it too; neither while it has an active consumer.
 */
class DurableSubscriptionTest extends JmsTestBase {
    private static final long WAIT = 5_000;

    private Session session(String clientId) throws JMSException {
        return started(factory("clientId", clientId).createConnection()).createSession();
    }

    private static void send(Session session, Topic topic, String text, String kind) throws JMSException {
        TextMessage message = session.createTextMessage(text);
        message.setStringProperty("kind", kind);
        session.createProducer(topic).send(message);
    }

    /**
     * Waits until the topic's queues hold {@code count} messages: the broker indexes a stored message
     * for consumers asynchronously, and a subscription starts at the end of what is indexed.
     */
    private static void awaitIndexed(Topic topic, long count) throws JMSException {
        String name = topic.getTopicName();
        try (RocketMqClient observer = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> observer.readQueues(name).stream()
                    .mapToLong(observer::maxOffset).sum() == count);
        }
    }

    @Test
    void aNewSubscriptionGetsOnlyWhatIsSentAfterIt() throws Exception {
        Session session = session("late-app");
        Topic topic = session.createTopic(fresh("Late"));
        send(session, topic, "before", "a");
        awaitIndexed(topic, 1);

        MessageConsumer late = session.createDurableConsumer(topic, "late");
        send(session, topic, "after", "a");

        assertThat(text(late.receive(WAIT))).isEqualTo("after");
    }

    @Test
    void anotherSelectorReplacesTheSubscriptionAndWhatItHeld() throws Exception {
        Session session = session("selector-app");
        Topic topic = session.createTopic(fresh("Orders"));
        session.createDurableConsumer(topic, "orders", "kind = 'a'", false).close();
        send(session, topic, "old a", "a");
        send(session, topic, "old b", "b");
        awaitIndexed(topic, 2);

        MessageConsumer replaced = session.createDurableConsumer(topic, "orders", "kind = 'b'", false);
        send(session, topic, "new b", "b");

        assertThat(text(replaced.receive(WAIT))).isEqualTo("new b");
    }

    @Test
    void anotherTopicReplacesTheSubscriptionAndWhatItHeld() throws Exception {
        Session session = session("topic-app");
        Topic first = session.createTopic(fresh("First"));
        Topic second = session.createTopic(fresh("Second"));
        session.createDurableConsumer(first, "moving").close();
        send(session, first, "old", "a");
        awaitIndexed(first, 1);

        session.createDurableConsumer(second, "moving").close();
        MessageConsumer back = session.createDurableConsumer(first, "moving");
        send(session, first, "new", "a");

        assertThat(text(back.receive(WAIT))).isEqualTo("new");
    }

    @Test
    void anotherNoLocalReplacesTheSubscriptionAndWhatItHeld() throws Exception {
        Session session = session("nolocal-app");
        Session other = connection().createSession();
        Topic topic = session.createTopic(fresh("Chat"));
        session.createDurableConsumer(topic, "chat", null, false).close();
        send(other, topic, "old", "a");
        awaitIndexed(topic, 1);

        MessageConsumer replaced = session.createDurableConsumer(topic, "chat", null, true);
        send(other, topic, "new", "a");

        assertThat(text(replaced.receive(WAIT))).isEqualTo("new");
    }

    @Test
    void aSubscriptionWithAnActiveConsumerElsewhereCannotBeChanged() throws Exception {
        Session consuming = connection().createSession();
        Topic topic = consuming.createTopic(fresh("Busy"));
        consuming.createSharedDurableConsumer(topic, "busy");
        Session other = connection().createSession();

        assertThatThrownBy(() -> other.createSharedDurableConsumer(topic, "busy", "kind = 'b'"))
                .isInstanceOf(JMSException.class).hasMessageContaining("active consumer");
    }

    @Test
    void aDurableConsumerOnNoTopicIsAnInvalidDestinationEvenWithoutAClientId() throws Exception {
        Session session = connection().createSession();

        assertThatThrownBy(() -> session.createDurableConsumer(null, "nowhere"))
                .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createDurableSubscriber(null, "nowhere", null, false))
                .isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void unsubscribingAnUnknownNameIsAnInvalidDestination() throws Exception {
        Session session = session("unknown-app");

        assertThatThrownBy(() -> session.unsubscribe("never-created")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void unsubscribingWhileAnotherConnectionConsumesIsRefused() throws Exception {
        Session consuming = connection().createSession();
        Topic topic = consuming.createTopic(fresh("Shared"));
        consuming.createSharedDurableConsumer(topic, "shared-busy");
        Session other = connection().createSession();

        assertThatThrownBy(() -> other.unsubscribe("shared-busy")).isInstanceOf(JMSException.class)
                .hasMessageContaining("active consumer");
    }

    @Test
    void aSubscriptionCreatedAgainAfterUnsubscribeStartsEmpty() throws Exception {
        Session session = session("again-app");
        Topic topic = session.createTopic(fresh("Again"));
        session.createDurableConsumer(topic, "again").close();
        send(session, topic, "before unsubscribe", "a");
        awaitIndexed(topic, 1);

        session.unsubscribe("again");
        MessageConsumer again = session.createDurableConsumer(topic, "again");
        send(session, topic, "after", "a");

        assertThat(text(again.receive(WAIT))).isEqualTo("after");
    }

    @Test
    void aConnectionWithAClientIdUnsubscribesASharedDurableSubscription() throws Exception {
        Session session = session("shared-owner");
        Topic topic = session.createTopic(fresh("SharedGone"));
        session.createSharedDurableConsumer(topic, "shared-gone").close();

        session.unsubscribe("shared-gone");

        assertThatThrownBy(() -> session.unsubscribe("shared-gone")).isInstanceOf(InvalidDestinationException.class);
    }
}
