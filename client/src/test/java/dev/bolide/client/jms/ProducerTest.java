package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProducerTest extends JmsTestBase {
    @Test
    void sendSetsTheHeadersOnTheSentMessage() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Headers"));
        Message message = session.createTextMessage("x");
        long before = System.currentTimeMillis();

        session.createProducer(queue).send(message, DeliveryMode.NON_PERSISTENT, 7, 60_000);

        assertThat(message.getJMSDestination()).isEqualTo(queue);
        assertThat(message.getJMSMessageID()).startsWith("ID:");
        assertThat(message.getJMSTimestamp()).isGreaterThanOrEqualTo(before);
        assertThat(message.getJMSExpiration()).isEqualTo(message.getJMSTimestamp() + 60_000);
        assertThat(message.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        Message received = session.createConsumer(queue).receive(5000);
        assertThat(received.getJMSMessageID()).isEqualTo(message.getJMSMessageID());
        assertThat(received.getJMSPriority()).isEqualTo(7);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
    }

    @Test
    void anAnonymousProducerNamesTheDestinationOnEachSend() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Anonymous"));
        MessageProducer anonymous = session.createProducer(null);

        anonymous.send(queue, session.createTextMessage("to the queue"));

        assertThat(text(session.createConsumer(queue).receive(5000))).isEqualTo("to the queue");
        assertThatThrownBy(() -> anonymous.send(session.createTextMessage("where?")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anExpiredMessageIsNotDelivered() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Expiring"));
        MessageProducer producer = session.createProducer(queue);
        producer.setTimeToLive(1);
        Message stale = session.createTextMessage("stale");
        producer.send(stale);
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > stale.getJMSExpiration());
        producer.setTimeToLive(0);
        producer.send(session.createTextMessage("fresh"));

        MessageConsumer consumer = session.createConsumer(queue);

        assertThat(text(consumer.receive(5000))).isEqualTo("fresh");
        assertThat(consumer.receive(500)).isNull();
    }

    @Test
    void aDelayedMessageIsNotDeliveredBeforeItsDeliveryTime() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Delayed"));
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(2000);
        Message message = session.createTextMessage("later");
        producer.send(message);

        Message received = session.createConsumer(queue).receive(10_000);

        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(message.getJMSDeliveryTime());
        assertThat(text(received)).isEqualTo("later");
        assertThat(received.getJMSDeliveryTime()).isGreaterThanOrEqualTo(message.getJMSTimestamp() + 2000);
    }

    @Test
    void asynchronousSendsCallTheirListenersInSendOrder() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Async"));
        MessageProducer producer = session.createProducer(queue);
        List<String> completed = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("m" + i), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    completed.add(textOf(message));
                }

                @Override
                public void onException(Message message, Exception exception) {
                    completed.add("failed");
                }
            });
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> completed.size() == 20);
        assertThat(completed).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void aCompletionListenerMayNotCloseItsOwnSession() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Callback"));
        AtomicReference<Exception> refused = new AtomicReference<>();
        session.createProducer(queue).send(session.createTextMessage("x"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    session.close();
                } catch (Exception e) {
                    refused.set(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> refused.get() != null);
        assertThat(refused.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCompletionListenerMayStopItsOwnConnection() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("StopInCallback"));
        AtomicReference<Object> outcome = new AtomicReference<>();
        session.createProducer(queue).send(session.createTextMessage("x"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    connection.stop();
                    outcome.set("stopped");
                } catch (Exception e) {
                    outcome.set(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.set(exception);
            }
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> outcome.get() != null);
        assertThat(outcome.get()).isEqualTo("stopped");
    }

    @Test
    void aBrowserShowsQueuedMessagesWithoutConsumingThem() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Browsed"));
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("a"));
        producer.send(session.createTextMessage("b"));

        QueueBrowser browser = session.createBrowser(queue);

        // the broker indexes stored messages for consumers asynchronously: a browse may come just before
        await().atMost(Duration.ofSeconds(5)).until(() -> Collections.list(browser.getEnumeration()).size() == 2);
        assertThat(QueueTest.drain(session.createConsumer(queue))).containsExactlyInAnyOrder("a", "b");
    }

    private static String textOf(Message message) {
        try {
            return text(message);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
