package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.TransactionCheck;
import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocketMQ local transactions from Jakarta Messaging ({@link HalfMessageSession}) against a real
 * broker that checks undecided half messages back at once and every 100 ms.
 */
class HalfMessageTest {
    private static final long WAIT = 10_000;
    private static final TransactionSettings CHECK_AT_ONCE = new TransactionSettings(Duration.ZERO,
            Duration.ofMillis(100), 50);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    static Path dir;
    static LoopbackBroker broker;
    private Connection connection;
    private Session session;
    private Queue queue;
    private String producerGroup;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").transactions(CHECK_AT_ONCE).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void connect() throws Exception {
        String name = "Payments" + NAMES.incrementAndGet();
        broker.createTopic(name, 1);
        producerGroup = name + "-producers";
        connection = new BolideConnectionFactory(broker.nameServer()).createConnection();
        connection.start();
        session = connection.createSession();
        queue = session.createQueue(name);
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
    }

    private HalfMessage sendHalf(String text) throws Exception {
        return ((HalfMessageSession) session).sendHalf(queue, session.createTextMessage(text), producerGroup);
    }

    /** The texts received until one equal to {@code last}. */
    private List<String> receiveUntil(String last) throws Exception {
        List<String> texts = new CopyOnWriteArrayList<>();
        try (MessageConsumer consumer = session.createConsumer(queue)) {
            while (!texts.contains(last)) {
                Message message = consumer.receive(WAIT);
                assertThat(message).as("a message within %d ms after %s", WAIT, texts).isNotNull();
                texts.add(((TextMessage) message).getText());
            }
        }
        return texts;
    }

    @Test
    void aCommittedHalfMessageIsDelivered() throws Exception {
        HalfMessage half = sendHalf("order 1 paid");

        half.commit();

        try (MessageConsumer consumer = session.createConsumer(queue)) {
            Message received = consumer.receive(WAIT);
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("order 1 paid");
            assertThat(received.getJMSMessageID()).isEqualTo(half.getJMSMessageID());
        }
    }

    @Test
    void aHalfMessageIsInvisibleUntilCommitted() throws Exception {
        HalfMessage half = sendHalf("not yet");
        session.createProducer(queue).send(session.createTextMessage("sent after it"));

        assertThat(receiveUntil("sent after it")).containsExactly("sent after it");
        half.commit();
        assertThat(receiveUntil("not yet")).containsExactly("not yet");
    }

    @Test
    void aRolledBackHalfMessageIsNeverDelivered() throws Exception {
        sendHalf("order 2 cancelled").rollback();
        sendHalf("order 3 paid").commit();

        assertThat(receiveUntil("order 3 paid")).containsExactly("order 3 paid");
    }

    @Test
    void anUndecidedHalfMessageIsDecidedByTheGroupsCheckBackHandler() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        try (RocketMqClient checker = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            checker.onTransactionCheck(producerGroup, (TransactionCheck check) -> {
                asked.add(new String(check.halfMessage().body(), StandardCharsets.UTF_8));
                check.commit();
            });
            checker.joinProducerGroup(producerGroup);

            sendHalf("order 4 paid, then the producer died");

            assertThat(receiveUntil("order 4 paid, then the producer died"))
                    .containsExactly("order 4 paid, then the producer died");
            assertThat(asked).contains("order 4 paid, then the producer died");
        }
    }

    @Test
    void aHalfMessageIsDecidedOnlyOnce() throws Exception {
        HalfMessage half = sendHalf("order 5 paid");
        half.commit();

        assertThatThrownBy(half::rollback).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("decided already");
    }

    @Test
    void aTransactedSessionRefusesHalfMessages() throws Exception {
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);

        assertThatThrownBy(() -> ((HalfMessageSession) transacted).sendHalf(queue,
                transacted.createTextMessage("refused"), producerGroup))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void anXaSessionInAGlobalTransactionRefusesHalfMessages() throws Exception {
        try (XAConnection xaConnection = new BolideConnectionFactory(broker.nameServer()).createXAConnection()) {
            XASession xa = xaConnection.createXASession();
            XAResource resource = xa.getXAResource();
            Xid xid = BranchId.of(0x4854, new byte[] {(byte) NAMES.incrementAndGet()}, new byte[] {1});
            resource.start(xid, XAResource.TMNOFLAGS);
            try {
                assertThatThrownBy(() -> ((HalfMessageSession) xa).sendHalf(queue, xa.createTextMessage("refused"),
                        producerGroup)).isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
            } finally {
                resource.end(xid, XAResource.TMSUCCESS);
                resource.rollback(xid);
            }
        }
    }

    @Test
    void aContextSendsHalfMessagesToo() throws Exception {
        try (JMSContext context = new BolideConnectionFactory(broker.nameServer()).createContext()) {
            ((HalfMessageSession) context).sendHalf(queue, context.createTextMessage("from a context"), producerGroup)
                    .commit();
        }

        assertThat(receiveUntil("from a context")).containsExactly("from a context");
    }

    @Test
    void aTransactedContextRefusesHalfMessages() {
        try (JMSContext context = new BolideConnectionFactory(broker.nameServer())
                .createContext(JMSContext.SESSION_TRANSACTED)) {
            assertThatThrownBy(() -> ((HalfMessageSession) context).sendHalf(queue,
                    context.createTextMessage("refused"), producerGroup))
                    .isInstanceOf(IllegalStateRuntimeException.class);
        }
    }
}
