package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.jms.xa.Narayana;
import dev.bolide.client.jms.xa.OrdersTable;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.RocketMqClient;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnectionFactory;
import jakarta.transaction.TransactionManager;
import dev.bolide.protocol.xa.BranchId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XA sessions and contexts in Narayana transactions: sends and receives decided with the transaction. */
class XaSessionTest extends JmsTestBase {
    private static final long WAIT = 5_000;
    private static TransactionManager transactions;
    private static OrdersTable orders;

    @BeforeAll
    static void startTransactionManager() throws Exception {
        transactions = Narayana.transactionManager(Path.of("target", "narayana", "XaSessionTest"));
        // Narayana starts its threads at the first transaction: not a leak of any test
        transactions.begin();
        transactions.rollback();
        orders = new OrdersTable("jdbc:h2:mem:xa-session;DB_CLOSE_DELAY=-1");
    }

    private XASession xaSession() throws Exception {
        XAConnection connection = started(factory().createXAConnection());
        return connection.createXASession();
    }

    private TextMessage receive(Queue queue) throws Exception {
        Session session = connection().createSession();
        return (TextMessage) session.createConsumer(queue).receive(WAIT);
    }

    private Queue queueWith(String... texts) throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("xa-queue"));
        for (String text : texts) {
            session.createProducer(queue).send(session.createTextMessage(text));
        }
        return queue;
    }

    @Test
    void theFactoryMakesXaConnectionsOfEveryKind() {
        assertThat(factory()).isInstanceOf(XAConnectionFactory.class).isInstanceOf(XAQueueConnectionFactory.class)
                .isInstanceOf(XATopicConnectionFactory.class);
    }

    @Test
    void aSendInAGlobalTransactionIsDeliveredWithTheRowAtCommit() throws Exception {
        XASession session = xaSession();
        Queue queue = session.createQueue(fresh("xa-queue"));
        javax.sql.XAConnection h2 = orders.xaConnection();
        transactions.begin();
        transactions.getTransaction().enlistResource(session.getXAResource());
        transactions.getTransaction().enlistResource(h2.getXAResource());
        session.createProducer(queue).send(session.createTextMessage("order-1"));
        OrdersTable.insert(h2, "order-1");
        assertThat(receiveNow(queue)).isNull();

        transactions.commit();
        h2.close();

        assertThat(receive(queue).getText()).isEqualTo("order-1");
        assertThat(orders.contains("order-1")).isTrue();
    }

    /** What a consumer finds now; it leaves at once, so that later consumers get every queue. */
    private Message receiveNow(Queue queue) throws Exception {
        Session session = connection().createSession();
        try {
            return session.createConsumer(queue).receive(500);
        } finally {
            session.close();
        }
    }

    @Test
    void twoXaSessionsInOneTransactionShareOneBranch() throws Exception {
        XASession first = xaSession();
        XASession second = xaSession();
        Queue queue = first.createQueue(fresh("xa-queue"));
        assertThat(first.getXAResource().isSameRM(second.getXAResource())).isTrue();
        transactions.begin();
        transactions.getTransaction().enlistResource(first.getXAResource());
        transactions.getTransaction().enlistResource(second.getXAResource());
        first.createProducer(queue).send(first.createTextMessage("first"));
        second.createProducer(queue).send(second.createTextMessage("second"));

        transactions.commit();

        MessageConsumer consumer = connection().createSession().createConsumer(queue);
        assertThat(List.of(((TextMessage) consumer.receive(WAIT)).getText(),
                ((TextMessage) consumer.receive(WAIT)).getText())).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void aSendInARolledBackTransactionIsNeverDelivered() throws Exception {
        XASession session = xaSession();
        Queue queue = session.createQueue(fresh("xa-queue"));
        transactions.begin();
        transactions.getTransaction().enlistResource(session.getXAResource());
        session.createProducer(queue).send(session.createTextMessage("discarded"));

        transactions.rollback();
        session.createProducer(queue).send(session.createTextMessage("after"));

        assertThat(receive(queue).getText()).isEqualTo("after");
    }

    @Test
    void aReceiveInARolledBackTransactionIsRedelivered() throws Exception {
        Queue queue = queueWith("order");
        XASession session = xaSession();
        MessageConsumer consumer = session.createConsumer(queue);
        transactions.begin();
        transactions.getTransaction().enlistResource(session.getXAResource());
        assertThat(((TextMessage) consumer.receive(WAIT)).getText()).isEqualTo("order");

        transactions.rollback();

        Message again = consumer.receive(WAIT);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void aReceivePreparedThenRolledBackComesBackOnceThroughTheBroker() throws Exception {
        Queue queue = queueWith("order");
        XASession session = xaSession();
        MessageConsumer consumer = session.createConsumer(queue);
        XAResource resource = session.getXAResource();
        Xid xid = BranchId.of(0x4244, Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII),
                new byte[] {1});
        resource.start(xid, XAResource.TMNOFLAGS);
        assertThat(((TextMessage) consumer.receive(WAIT)).getText()).isEqualTo("order");
        resource.end(xid, XAResource.TMSUCCESS);
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);

        resource.rollback(xid);

        Message again = consumer.receive(WAIT);
        assertThat(((TextMessage) again).getText()).isEqualTo("order");
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(consumer.receive(1_000)).as("given back by the broker only, not again here").isNull();
    }

    /** An application server's server session: the container begins a transaction, enlists the session, runs it. */
    @Test
    void anXaServerSessionDeliversInTheContainersTransaction() throws Exception {
        Queue queue = queueWith("order");
        XAConnection connection = started(factory().createXAConnection());
        XASession session = connection.createXASession();
        List<String> deliveries = new CopyOnWriteArrayList<>();
        SimpleServerSessionPool pool = closedAfterTest(new SimpleServerSessionPool(List.of(session),
                (s, message) -> deliveries.add(((TextMessage) message).getText() + " "
                        + message.getIntProperty("JMSXDeliveryCount")),
                run -> {
                    transactions.begin();
                    transactions.getTransaction().enlistResource(session.getXAResource());
                    run.run();
                    if (deliveries.size() == 1) {
                        transactions.rollback(); // the first delivery's transaction fails
                    } else {
                        transactions.commit();
                    }
                }));
        ConnectionConsumer connectionConsumer = connection.createConnectionConsumer(queue, null, pool, 1);
        closedAfterTest((AutoCloseable) connectionConsumer::close);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> committedOffsets(queue) == 1);
        assertThat(deliveries).containsExactly("order 1", "order 2");
    }

    @Test
    void aReceiveInACommittedTransactionIsAcknowledged() throws Exception {
        Queue queue = queueWith("order");
        XASession session = xaSession();
        MessageConsumer consumer = session.createConsumer(queue);
        transactions.begin();
        transactions.getTransaction().enlistResource(session.getXAResource());
        consumer.receive(WAIT);

        assertThat(committedOffsets(queue)).isZero();

        transactions.commit();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> committedOffsets(queue) == 1);
    }

    /** How far the queue's group has acknowledged, over all its queues. */
    private static long committedOffsets(Queue queue) throws Exception {
        try (RocketMqClient client = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            String topic = queue.getQueueName();
            return client.readQueues(topic).stream()
                    .mapToLong(q -> Math.max(0, client.committedOffset(GroupNames.queue(topic), q))).sum();
        }
    }

    @Test
    void outsideATransactionTheXaSessionSendsAndAcknowledgesAtOnce() throws Exception {
        XASession session = xaSession();
        Queue queue = session.createQueue(fresh("xa-queue"));

        session.createProducer(queue).send(session.createTextMessage("now"));
        assertThat(((TextMessage) session.createConsumer(queue).receive(WAIT)).getText()).isEqualTo("now");
        session.close();

        assertThat(receiveNow(queue)).isNull();
    }

    @Test
    void anXaSessionRefusesItsOwnCommitAndRollback() throws Exception {
        XASession session = xaSession();

        assertThat(session.getTransacted()).isTrue();
        assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(TransactionInProgressException.class);
    }

    @Test
    void anXaContextSendsInTheGlobalTransaction() throws Exception {
        XAJMSContext context = closedAfterTest(factory().createXAContext());
        Queue queue = context.createQueue(fresh("xa-queue"));
        transactions.begin();
        transactions.getTransaction().enlistResource(context.getXAResource());
        context.getContext().createProducer().send(queue, "in-context");
        assertThat(receiveNow(queue)).isNull();

        transactions.commit();

        try (JMSConsumer consumer = context().createConsumer(queue)) {
            assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("in-context");
        }
    }

    @Test
    void anXaContextRefusesItsOwnCommit() {
        XAJMSContext context = closedAfterTest(factory().createXAContext());

        assertThat(context.getTransacted()).isTrue();
        assertThatThrownBy(context::commit).isInstanceOf(TransactionInProgressRuntimeException.class);
    }
}
