package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1's application server facilities (8.2): a connection consumer loads at most
 * {@code maxMessages} messages at a time into a free session of a {@code ServerSessionPool}, whose
 * {@code run} delivers them to the session's listener; its messages follow the same group rules as a
 * consumer's (a queue's are delivered once, a durable subscription keeps what comes while it is
 * closed, a shared one is shared), and the server session's mode acknowledges, commits or rolls back.
 */
class ConnectionConsumerTest extends JmsTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<String> received = new CopyOnWriteArrayList<>();

    private ConnectionConsumer closedAfterTest(ConnectionConsumer connectionConsumer) {
        AutoCloseable closing = connectionConsumer::close;
        closedAfterTest(closing);
        return connectionConsumer;
    }

    private SimpleServerSessionPool pool(Connection connection, int size, SimpleServerSessionPool.Listener listener)
            throws JMSException {
        return closedAfterTest(new SimpleServerSessionPool(connection, size, Session.AUTO_ACKNOWLEDGE, listener));
    }

    private SimpleServerSessionPool recordingPool(Connection connection, int size) throws JMSException {
        return pool(connection, size, (session, message) -> received.add(((TextMessage) message).getText()));
    }

    private static List<String> send(Connection connection, jakarta.jms.Destination destination, String prefix,
            int count) throws JMSException {
        Session session = connection.createSession();
        var producer = session.createProducer(destination);
        List<String> texts = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        for (String text : texts) {
            producer.send(session.createTextMessage(text));
        }
        session.close();
        return texts;
    }

    private void awaitReceived(int count) {
        await().atMost(WAIT).until(() -> received.size() >= count);
    }

    /** What {@code consumer} receives until it and the pool together have {@code total} messages. */
    private List<String> receiveUntilAllCame(MessageConsumer consumer, int total) {
        List<String> texts = new CopyOnWriteArrayList<>();
        await().atMost(WAIT).until(() -> {
            Message message = consumer.receive(100);
            if (message != null) {
                texts.add(((TextMessage) message).getText());
            }
            return received.size() + texts.size() >= total;
        });
        return texts;
    }

    @Test
    void aQueuesMessagesAreDeliveredOnceAcrossTheSessionsOfThePool() throws Exception {
        Connection connection = connection();
        Queue queue = connection.createSession().createQueue(fresh("PoolQueue"));
        // each session's first message waits for the others: the pool's three sessions deliver at once
        CountDownLatch allBusy = new CountDownLatch(3);
        SimpleServerSessionPool pool = pool(connection, 3, (session, message) -> {
            allBusy.countDown();
            allBusy.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            received.add(((TextMessage) message).getText());
        });
        closedAfterTest(connection.createConnectionConsumer(queue, null, pool, 2));

        List<String> sent = send(connection, queue, "m", 30);

        awaitReceived(30);
        assertThat(received).hasSize(30).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(pool.sessionsThatDelivered()).isEqualTo(3);
    }

    @Test
    void aServerSessionIsLoadedWithAtMostMaxMessages() throws Exception {
        Connection connection = connection();
        Queue queue = connection.createSession().createQueue(fresh("PoolLoads", 1));
        send(connection, queue, "m", 25);
        SimpleServerSessionPool pool = recordingPool(connection, 1);

        closedAfterTest(connection.createConnectionConsumer(queue, null, pool, 3));

        // a run's load is recorded once the run ended, a moment after its last message was delivered
        await().atMost(WAIT).until(() -> pool.loads.stream().mapToInt(Integer::intValue).sum() >= 25);
        assertThat(pool.loads).allSatisfy(load -> assertThat(load).isBetween(1, 3));
        assertThat(pool.loads.stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
        assertThat(received).hasSize(25);
    }

    @Test
    void aSelectorChoosesTheMessagesOfAConnectionConsumer() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("PoolSelector"));
        closedAfterTest(connection.createConnectionConsumer(queue, "kind = 'wanted'", recordingPool(connection, 1), 5));
        MessageConsumer others = session.createConsumer(queue, "kind <> 'wanted'");

        var producer = session.createProducer(queue);
        for (String kind : List.of("wanted", "other", "wanted")) {
            TextMessage message = session.createTextMessage(kind);
            message.setStringProperty("kind", kind);
            producer.send(message);
        }

        awaitReceived(2);
        assertThat(received).containsExactly("wanted", "wanted");
        assertThat(AcknowledgementTest.text(others.receive(WAIT.toMillis()))).isEqualTo("other");
    }

    @Test
    void aDurableConnectionConsumerGetsWhatWasSentWhileItWasClosed() throws Exception {
        Connection connection = started(factory("clientId", "pool-durable").createConnection());
        Topic topic = connection.createSession().createTopic(fresh("PoolDurable"));
        SimpleServerSessionPool pool = recordingPool(connection, 2);
        ConnectionConsumer first = connection.createDurableConnectionConsumer(topic, "orders", null, pool, 2);
        List<String> before = send(connection, topic, "before", 3);
        awaitReceived(3);
        first.close();

        List<String> whileClosed = send(connection, topic, "closed", 3);
        closedAfterTest(connection.createDurableConnectionConsumer(topic, "orders", null, pool, 2));

        awaitReceived(6);
        assertThat(received).hasSize(6).containsAll(before).containsAll(whileClosed);
    }

    @Test
    void aDurableSubscriptionHasOneActiveConnectionConsumer() throws Exception {
        Connection connection = started(factory("clientId", "pool-single").createConnection());
        Topic topic = connection.createSession().createTopic(fresh("PoolSingle"));
        SimpleServerSessionPool pool = recordingPool(connection, 1);
        closedAfterTest(connection.createDurableConnectionConsumer(topic, "once", null, pool, 1));

        assertThatThrownBy(() -> connection.createDurableConnectionConsumer(topic, "once", null, pool, 1))
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void sharedConnectionConsumersShareTheSubscription() throws Exception {
        Connection connection = connection();
        Topic topic = connection.createSession().createTopic(fresh("PoolShared"));
        SimpleServerSessionPool one = recordingPool(connection, 2);
        SimpleServerSessionPool two = recordingPool(connection, 2);
        closedAfterTest(connection.createSharedConnectionConsumer(topic, "shared", null, one, 3));
        closedAfterTest(connection.createSharedConnectionConsumer(topic, "shared", null, two, 3));

        List<String> sent = send(connection, topic, "s", 20);

        awaitReceived(20);
        assertThat(received).hasSize(20).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(one.sessionsThatDelivered()).isPositive();
        assertThat(two.sessionsThatDelivered()).isPositive();
    }

    @Test
    void sharedDurableConnectionConsumersShareTheSubscriptionWithItsConsumers() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Topic topic = session.createTopic(fresh("PoolSharedDurable"));
        SimpleServerSessionPool pool = recordingPool(connection, 2);
        closedAfterTest(connection.createSharedDurableConnectionConsumer(topic, "archive", null, pool, 3));
        MessageConsumer consumer = session.createSharedDurableConsumer(topic, "archive");

        List<String> sent = send(connection, topic, "d", 20);

        List<String> byTheConsumer = receiveUntilAllCame(consumer, 20);
        assertThat(received).isNotEmpty().doesNotContainAnyElementsOf(byTheConsumer);
        assertThat(byTheConsumer).isNotEmpty();
        assertThat(received.size() + byTheConsumer.size()).isEqualTo(sent.size());
    }

    @Test
    void closingStopsDeliveryAndLeavesTheRestToTheQueuesNextConsumer() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("PoolClose"));
        CountDownLatch release = new CountDownLatch(1);
        SimpleServerSessionPool pool = pool(connection, 1, (s, message) -> {
            received.add(((TextMessage) message).getText());
            if (received.size() == 3) {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS); // holds the rest back while the test closes
            }
        });
        ConnectionConsumer connectionConsumer = connection.createConnectionConsumer(queue, null, pool, 1);
        MessageConsumer next = session.createConsumer(queue);
        List<String> sent = send(connection, queue, "c", 20);
        awaitReceived(3);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                connectionConsumer.close();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        release.countDown();
        closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        int deliveredByThePool = received.size();
        List<String> after = send(connection, queue, "after", 5);

        List<String> byTheNext = receiveUntilAllCame(next, 25);
        assertThat(received).hasSize(deliveredByThePool);
        assertThat(byTheNext).containsAll(after).doesNotContainAnyElementsOf(received);
        assertThat(received.stream().filter(sent::contains).count() + byTheNext.stream().filter(sent::contains).count())
                .isEqualTo(20);
        assertThatThrownBy(connectionConsumer::getServerSessionPool).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void aServerSessionsListenerMayCloseItsConnectionConsumer() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("PoolSelfClose"));
        CompletableFuture<ConnectionConsumer> self = new CompletableFuture<>();
        SimpleServerSessionPool pool = pool(connection, 1, (s, message) -> {
            received.add(((TextMessage) message).getText());
            self.get(WAIT.toSeconds(), TimeUnit.SECONDS).close(); // must not wait for its own load
        });
        self.complete(closedAfterTest(connection.createConnectionConsumer(queue, null, pool, 5)));
        MessageConsumer next = session.createConsumer(queue);

        List<String> sent = send(connection, queue, "m", 10);

        List<String> byTheNext = receiveUntilAllCame(next, 10);
        assertThat(received).hasSize(1);
        assertThat(byTheNext).hasSize(9).doesNotContainAnyElementsOf(received);
        assertThat(sent).containsAll(byTheNext).containsAll(received);
    }

    @Test
    void aTransactedServerSessionThatRollsBackHasTheMessageRedelivered() throws Exception {
        Connection connection = connection();
        Queue queue = connection.createSession().createQueue(fresh("PoolRollback"));
        List<String> deliveries = new CopyOnWriteArrayList<>();
        SimpleServerSessionPool pool = closedAfterTest(new SimpleServerSessionPool(connection, 2,
                Session.SESSION_TRANSACTED, (session, message) -> {
                    String text = ((TextMessage) message).getText();
                    deliveries.add(text + (message.getJMSRedelivered() ? " again, count "
                            + message.getIntProperty("JMSXDeliveryCount") : " first"));
                    if (message.getJMSRedelivered()) {
                        session.commit();
                        received.add(text);
                    } else {
                        session.rollback();
                    }
                }));
        closedAfterTest(connection.createConnectionConsumer(queue, null, pool, 1));

        send(connection, queue, "t", 3);

        awaitReceived(3);
        assertThat(deliveries).containsExactlyInAnyOrder("t0 first", "t0 again, count 2", "t1 first",
                "t1 again, count 2", "t2 first", "t2 again, count 2");
    }

    @Test
    void messagesSentBeforeTheConnectionStartsAreLoadedWhenItStarts() throws Exception {
        Connection connection = closedAfterTest(factory().createConnection());
        Queue queue = connection.createSession().createQueue(fresh("PoolStopped"));
        SimpleServerSessionPool pool = recordingPool(connection, 1);
        closedAfterTest(connection.createConnectionConsumer(queue, null, pool, 4));
        send(connection, queue, "s", 4);

        connection.start();

        awaitReceived(4);
        assertThat(received).containsExactlyInAnyOrder("s0", "s1", "s2", "s3");
    }

    @Test
    void stopWaitsForAServerSessionsListenerAndStartResumesLoading() throws Exception {
        Connection connection = connection();
        Queue queue = connection.createSession().createQueue(fresh("PoolStop"));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        List<Boolean> stoppedWhileListening = new CopyOnWriteArrayList<>();
        SimpleServerSessionPool pool = pool(connection, 1, (session, message) -> {
            received.add(((TextMessage) message).getText());
            if (received.size() == 1) {
                entered.countDown();
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                stoppedWhileListening.add(stopped.isDone());
            }
        });
        closedAfterTest(connection.createConnectionConsumer(queue, null, pool, 1));
        send(connection, queue, "first", 1);
        assertThat(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(() -> {
            try {
                connection.stop();
                stopped.complete(null);
            } catch (JMSException e) {
                stopped.completeExceptionally(e);
            }
        });
        stopper.start();
        // stop waits for the listener (or, wrongly, returned at once)
        await().atMost(WAIT).until(() -> stopped.isDone() || stopper.getState() == Thread.State.WAITING
                || stopper.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        send(connection, queue, "second", 1);
        connection.start();

        awaitReceived(2);
        assertThat(stoppedWhileListening).containsExactly(false);
        assertThat(received).containsExactly("first0", "second0");
    }

    @Test
    void aConnectionConsumerNeedsAPool() throws Exception {
        Connection connection = connection();
        Queue queue = connection.createSession().createQueue(fresh("PoolNone"));

        assertThatThrownBy(() -> connection.createConnectionConsumer(queue, null, null, 1))
                .isInstanceOf(JMSException.class).hasMessageContaining("pool");
    }
}
