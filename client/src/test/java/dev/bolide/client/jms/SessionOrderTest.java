package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.spi.ConnectionSettings;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1 (6.2.9.1): the messages a session sends to a destination are received in
 * the order they were sent. A destination has several RocketMQ queues (four here), and a consumer
 * reads them side by side: with {@code sendOrder} {@code PER_SESSION}, the default, each session keeps
 * to one queue per destination. Several rounds, each with new sessions, which start on other queues.
 */
class SessionOrderTest extends JmsTestBase {
    private static final int MESSAGES = 200;
    private static final int ROUNDS = 4;

    @Test
    void twoInterleavedSessionsMessagesEachArriveInTheOrderTheySentThem() throws Exception {
        eachRoundArrivesInSendOrder((connection, queue) -> {
            Session first = connection.createSession();
            Session second = connection.createSession();
            MessageProducer fromFirst = first.createProducer(queue);
            MessageProducer fromSecond = second.createProducer(queue);
            for (int i = 0; i < MESSAGES; i++) {
                fromFirst.send(first.createTextMessage("first-" + i));
                fromSecond.send(second.createTextMessage("second-" + i));
            }
            first.close();
            second.close();
        }, "first-", "second-");
    }

    @Test
    void twoProducersOfOneSessionShareItsOrder() throws Exception {
        eachRoundArrivesInSendOrder((connection, queue) -> {
            Session session = connection.createSession();
            List<MessageProducer> producers = List.of(session.createProducer(queue), session.createProducer(queue));
            for (int i = 0; i < MESSAGES; i++) {
                producers.get(i % 2).send(session.createTextMessage("m-" + i));
            }
            session.close();
        }, "m-");
    }

    @Test
    void aTransactedSessionsCommitsArriveInTheOrderTheyWereSent() throws Exception {
        eachRoundArrivesInSendOrder((connection, queue) -> {
            Session session = connection.createSession(Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < MESSAGES; i++) {
                producer.send(session.createTextMessage("tx-" + i));
                if (i % 50 == 49) {
                    session.commit();
                }
            }
            session.close();
        }, "tx-");
    }

    @Test
    void aContextsMessagesArriveInTheOrderItSentThem() throws Exception {
        eachRoundArrivesInSendOrder((connection, queue) -> {
            try (JMSContext context = factory().createContext()) {
                for (int i = 0; i < MESSAGES; i++) {
                    context.createProducer().send(queue, "ctx-" + i);
                }
            }
        }, "ctx-");
    }

    @Test
    void theFactorysSendOrderIsPerSessionUnlessSetToSpread() {
        assertThat(factory().settings().sendOrder()).isEqualTo(SendOrder.PER_SESSION);
        assertThat(factory(ConnectionSettings.SEND_ORDER, "spread").settings().sendOrder())
                .isEqualTo(SendOrder.SPREAD);
        assertThat(new BolideConnectionFactory("bolide://h1:9876?sendOrder=SPREAD").getSendOrder())
                .isEqualTo("SPREAD");
        assertThatThrownBy(() -> new BolideConnectionFactory("bolide://h1:9876?sendOrder=ROUND_ROBIN"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendOrder")
                .hasMessageContaining("PER_SESSION, SPREAD");
    }

    /** What one round sends: {@link #MESSAGES} messages per prefix, numbered from 0, from new sessions. */
    @FunctionalInterface
    private interface Round {
        void send(Connection connection, Queue queue) throws Exception;
    }

    /** Runs {@link #ROUNDS} rounds; in each, the messages of each prefix arrive in the order of their numbers. */
    private void eachRoundArrivesInSendOrder(Round round, String... prefixes) throws Exception {
        Connection connection = connection();
        Queue queue = connection.createSession().createQueue(fresh("Ordered"));
        MessageConsumer consumer = connection.createSession().createConsumer(queue);

        for (int i = 0; i < ROUNDS; i++) {
            round.send(connection, queue);

            List<String> received = receive(consumer, prefixes.length * MESSAGES);
            for (String prefix : prefixes) {
                assertThat(received).as("round %d", i).filteredOn(text -> text.startsWith(prefix))
                        .containsExactlyElementsOf(numbered(prefix, MESSAGES));
            }
        }
    }

    private static List<String> receive(MessageConsumer consumer, int count) throws Exception {
        List<String> texts = new ArrayList<>(count);
        while (texts.size() < count) {
            Message message = consumer.receive(10_000);
            assertThat(message).as("message %d of %d", texts.size() + 1, count).isNotNull();
            texts.add(text(message));
        }
        return texts;
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
