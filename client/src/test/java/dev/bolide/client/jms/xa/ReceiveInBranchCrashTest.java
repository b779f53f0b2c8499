package dev.bolide.client.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.client.jms.BolideConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message received and a message sent in one XA branch, the branch prepared, then the client's
 * JVM or the broker killed with {@code kill -9} before the decision; a new XAResource recovers the
 * branch and decides it. The received message is then part of the branch: never delivered again
 * after the commit, delivered exactly once more (JMSXDeliveryCount 2) after the rollback, and not
 * delivered to its group while the branch is in doubt; the sent one is delivered once after the
 * commit, never after the rollback.
 */
class ReceiveInBranchCrashTest {
    private static final String ORDER = "order";
    private static final String MARKER = "marker";
    private static final AtomicInteger TRANSACTIONS = new AtomicInteger();

    @TempDir
    Path dir;
    private BrokerChild broker;
    private Connection connection;
    private Queue orders;
    private Queue replies;
    private Xid xid;

    @BeforeEach
    void start() throws Exception {
        broker = BrokerChild.start(dir);
        connection = new BolideConnectionFactory(broker.nameServer()).createConnection();
        connection.start();
        Session session = connection.createSession();
        orders = session.createQueue("XaReceiveOrders");
        replies = session.createQueue("XaReceiveReplies");
        session.createProducer(orders).send(session.createTextMessage(ORDER));
        session.close();
        xid = PreparedReceiveHolder.xid("receive-" + TRANSACTIONS.incrementAndGet() + "-" + System.nanoTime());
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        broker.close();
    }

    @Test
    void aClientKilledAfterPrepareLeavesTheReceiveToTheCommit() throws Exception {
        killClientAfterPrepare();

        decide(true);

        assertCommittedOnce();
    }

    @Test
    void aClientKilledAfterPrepareLeavesTheReceiveToTheRollback() throws Exception {
        killClientAfterPrepare();

        decide(false);

        assertRolledBackOnce();
    }

    @Test
    void aBrokerKilledAfterPrepareCommitsTheReceiveOnce() throws Exception {
        prepareThenKillBroker();

        decide(true);

        assertCommittedOnce();
    }

    @Test
    void aBrokerKilledAfterPrepareRollsTheReceiveBackOnce() throws Exception {
        prepareThenKillBroker();

        decide(false);

        assertRolledBackOnce();
    }

    /** The received message is consumed, the sent one delivered once. */
    private void assertCommittedOnce() throws Exception {
        assertThat(receivedUpToMarker(orders)).isEmpty();
        assertThat(texts(receivedUpToMarker(replies))).containsExactly(PreparedReceiveHolder.REPLY);
    }

    /** The received message is delivered once more, its second delivery; the sent one never. */
    private void assertRolledBackOnce() throws Exception {
        List<Message> again = receivedUpToMarker(orders);
        assertThat(texts(again)).containsExactly(ORDER);
        assertThat(again.get(0).getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(receivedUpToMarker(replies)).isEmpty();
    }

    private void killClientAfterPrepare() throws Exception {
        try (ChildJvm client = ChildJvm.start(dir, PreparedReceiveHolder.class, broker.nameServer(),
                orders.getQueueName(), replies.getQueueName(), new String(xid.getGlobalTransactionId(),
                        StandardCharsets.US_ASCII))) {
            client.awaitOutput(PreparedReceiveHolder.PREPARED);
            client.killNine();
        }
        assertThat(receiveNow(orders)).as("in doubt: not delivered to the group").isNull();
    }

    /** The branch prepared in this JVM, whose XA connection then closes without deciding it. */
    private void prepareThenKillBroker() throws Exception {
        try (XAConnection holder = new BolideConnectionFactory(broker.nameServer()).createXAConnection()) {
            holder.start();
            assertThat(PreparedReceiveHolder.prepareReceiveAndSend(holder.createXASession(), xid, orders, replies))
                    .isEqualTo(ORDER);
            broker.killNine();
            broker.restart();
        }
        assertThat(receiveNow(orders)).as("in doubt: not delivered to the group").isNull();
    }

    /** Recovery as a transaction manager runs it: a new resource (another cluster spelling: no shared branches). */
    private void decide(boolean commit) throws Exception {
        try (XAConnection recovery = new BolideConnectionFactory(broker.nameServer().replace("127.0.0.1",
                "localhost")).createXAConnection()) {
            XAResource resource = recovery.createXASession().getXAResource();
            assertThat(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).containsExactly(xid);
            if (commit) {
                resource.commit(xid, false);
            } else {
                resource.rollback(xid);
            }
            assertThat(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();
        }
    }

    private Message receiveNow(Queue queue) throws Exception {
        try (Session session = connection.createSession()) {
            return session.createConsumer(queue).receive(1_000);
        }
    }

    /**
     * What the queue's group is delivered before a marker sent now, and in a second after it (a
     * given-back message comes through the group's retry topic, in no order with the marker).
     */
    private List<Message> receivedUpToMarker(Queue queue) throws Exception {
        try (Session session = connection.createSession()) {
            session.createProducer(queue).send(session.createTextMessage(MARKER));
            MessageConsumer consumer = session.createConsumer(queue);
            List<Message> received = new ArrayList<>();
            boolean markerSeen = false;
            for (Message next = consumer.receive(30_000); next != null;
                    next = consumer.receive(markerSeen ? 1_000 : 30_000)) {
                if (MARKER.equals(((TextMessage) next).getText())) {
                    markerSeen = true;
                } else {
                    received.add(next);
                }
            }
            assertThat(markerSeen).as("the marker came").isTrue();
            return received;
        }
    }

    private static List<String> texts(List<Message> messages) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Message message : messages) {
            texts.add(((TextMessage) message).getText());
        }
        return texts;
    }
}
