package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.send;
import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TransactedSessionTest extends JmsTestBase {
    @Test
    void rollbackRedeliversTheMessagesReceivedInTheTransaction() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("RolledBack"));
        send(connection.createSession(), queue, "again");
        MessageConsumer consumer = transacted.createConsumer(queue);
        assertThat(text(consumer.receive(5000))).isEqualTo("again");

        transacted.rollback();

        Message redelivered = consumer.receive(5000);
        assertThat(text(redelivered)).isEqualTo("again");
        assertThat(redelivered.getJMSRedelivered()).isTrue();
    }

    @Test
    void closingATransactedSessionRollsBackWhatADurableSubscriberReceived() throws Exception {
        Connection connection = started(factory("clientId", "tx-close").createConnection());
        Session sender = connection.createSession();
        Topic topic = sender.createTopic(fresh("TxClose"));
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer subscriber = transacted.createDurableSubscriber(topic, "tx-close");
        sender.createProducer(topic).send(sender.createTextMessage("first"));
        assertThat(text(subscriber.receive(5000))).isEqualTo("first");
        transacted.commit();
        sender.createProducer(topic).send(sender.createTextMessage("second"));
        assertThat(text(subscriber.receive(5000))).isEqualTo("second");

        transacted.close();

        Session next = connection.createSession(Session.SESSION_TRANSACTED);
        MessageConsumer again = next.createDurableSubscriber(topic, "tx-close");
        Message redelivered = again.receive(5000);
        assertThat(text(redelivered)).isEqualTo("second");
        next.commit();
        again.close();
        next.unsubscribe("tx-close");
    }

    @Test
    void closingATransactedConnectionRollsBackWhatItReceivedForTheQueuesNextReader() throws Exception {
        Connection first = connection();
        Session transacted = first.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxConnectionClose"));
        send(connection().createSession(), queue, "kept");
        assertThat(text(transacted.createConsumer(queue).receive(5000))).isEqualTo("kept");

        first.close();

        MessageConsumer next = connection().createSession().createConsumer(queue);
        assertThat(text(next.receive(5000))).isEqualTo("kept");
    }

    @Test
    void commitAcknowledgesTheMessagesReceivedInTheTransaction() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("Committed"));
        send(connection.createSession(), queue, "once");
        MessageConsumer consumer = transacted.createConsumer(queue);
        consumer.receive(5000);

        transacted.commit();
        transacted.rollback();

        assertThat(consumer.receive(1000)).isNull();
    }

    @Test
    void aSendTheBrokerRefusesFailsTheCommitAndRollsBackTheOtherSends() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxRefused"));
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        MessageProducer producer = transacted.createProducer(queue);
        producer.send(transacted.createTextMessage("accepted"));
        BytesMessage oversized = transacted.createBytesMessage();
        byte[] incompressible = new byte[5 * 1024 * 1024]; // over the broker's maxMessageSize
        new Random(7).nextBytes(incompressible);
        oversized.writeBytes(incompressible);
        producer.send(oversized);

        assertThatThrownBy(transacted::commit).isInstanceOf(TransactionRolledBackException.class);

        assertThat(consumer.receive(1500)).isNull();
    }

    // the broker's maxMessageSize (64 KiB here) bounds a batch's bodies too; a transaction gathers up to 256 KiB of them
    @Test
    void aTransactionHeldWholeOverTheBrokersMaxMessageSizeCommitsAllItsSends() throws Exception {
        assertThat(sendAndCommit(30, "TxHeldOverMaxSize")).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 30).boxed().toList());
    }

    @Test
    void aTransactionWhoseHalfBatchesExceedTheBrokersMaxMessageSizeCommitsAllItsSends() throws Exception {
        assertThat(sendAndCommit(100, "TxBatchesOverMaxSize")).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 100).boxed().toList());
    }

    /** Sends {@code count} messages of 3 KiB (batched, incompressible) in a transaction; what a consumer then gets. */
    private List<Integer> sendAndCommit(int count, String name) throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh(name));
        MessageProducer producer = transacted.createProducer(queue);
        Random random = new Random(11);
        for (int i = 0; i < count; i++) {
            BytesMessage message = transacted.createBytesMessage();
            byte[] incompressible = new byte[3 * 1024];
            random.nextBytes(incompressible);
            message.writeBytes(incompressible);
            message.setIntProperty("n", i);
            producer.send(message);
        }

        transacted.commit();

        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        List<Integer> received = new ArrayList<>();
        for (Message message = consumer.receive(5000); message != null; message = consumer.receive(500)) {
            received.add(message.getIntProperty("n"));
        }
        return received;
    }

    @Test
    void messagesSentInATransactionAreInvisibleUntilCommit() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxSend"));
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        transacted.createProducer(queue).send(transacted.createTextMessage("pending"));

        assertThat(consumer.receive(1000)).isNull();
        transacted.commit();

        assertThat(text(consumer.receive(5000))).isEqualTo("pending");
    }

    @Test
    void rollbackDiscardsTheMessagesSentInTheTransaction() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxDiscard"));
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        var producer = transacted.createProducer(queue);
        producer.send(transacted.createTextMessage("discarded"));

        transacted.rollback();
        producer.send(transacted.createTextMessage("kept"));
        transacted.commit();

        assertThat(text(consumer.receive(5000))).isEqualTo("kept");
        assertThat(consumer.receive(500)).isNull();
    }

    @Test
    void everyMessageOfATransactionLargerThanABatchIsDeliveredAtCommit() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxMany"));
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        MessageProducer producer = transacted.createProducer(queue);
        List<String> sent = new ArrayList<>();
        String padding = "x".repeat(2000); // 300 messages of 2 KB: more than a batch's 256 KiB
        for (int i = 0; i < 300; i++) {
            sent.add("m" + i + padding);
            producer.send(transacted.createTextMessage("m" + i + padding));
        }

        assertThat(consumer.receive(500)).isNull();
        transacted.commit();

        assertThat(receiveAll(consumer, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
    }

    // the batches of a group go to one queue; the first may still wait for the route when the next is sent
    @Test
    void theBatchesOfAMessageGroupInATransactionAreDeliveredInOrder() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxGroup"));
        MessageProducer producer = transacted.createProducer(queue);
        List<String> sent = new ArrayList<>();
        String padding = "x".repeat(2000);
        for (int i = 0; i < 400; i++) {
            TextMessage message = transacted.createTextMessage("m" + i + padding);
            message.setStringProperty("JMSXGroupID", "order-7");
            producer.send(message);
            sent.add("m" + i);
        }

        transacted.commit();

        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        assertThat(receiveAll(consumer, sent.size())).map(text -> text.substring(0, text.indexOf('x')))
                .containsExactlyElementsOf(sent);
    }

    @Test
    void aTransactionAlternatingBetweenTwoQueuesDeliversToEach() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue left = transacted.createQueue(fresh("TxLeft"));
        Queue right = transacted.createQueue(fresh("TxRight"));
        Session receiving = connection.createSession();
        MessageConsumer leftConsumer = receiving.createConsumer(left);
        MessageConsumer rightConsumer = receiving.createConsumer(right);
        MessageProducer producer = transacted.createProducer(null);
        for (int i = 0; i < 5; i++) {
            producer.send(left, transacted.createTextMessage("left " + i));
            producer.send(right, transacted.createTextMessage("right " + i));
        }

        transacted.commit();

        assertThat(receiveAll(leftConsumer, 5)).containsExactlyInAnyOrder("left 0", "left 1", "left 2", "left 3",
                "left 4");
        assertThat(receiveAll(rightConsumer, 5)).containsExactlyInAnyOrder("right 0", "right 1", "right 2",
                "right 3", "right 4");
    }

    @Test
    void aCompletionListenerInATransactionIsToldBeforeTheCommit() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxListened"));
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        CompletableFuture<Message> completed = new CompletableFuture<>();

        transacted.createProducer(queue).send(transacted.createTextMessage("listened"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                completed.complete(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                completed.completeExceptionally(exception);
            }
        });

        assertThat(text(completed.get(5, TimeUnit.SECONDS))).isEqualTo("listened");
        assertThat(consumer.receive(500)).as("still invisible").isNull();
        transacted.commit();
        assertThat(text(consumer.receive(5000))).isEqualTo("listened");
    }

    @Test
    void rollbackDiscardsSendsNotYetGoneToTheBroker() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxGathered"));
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        MessageProducer producer = transacted.createProducer(queue);
        for (int i = 0; i < 40; i++) {
            producer.send(transacted.createTextMessage("discarded " + i));
        }

        transacted.rollback();
        transacted.commit();

        assertThat(consumer.receive(1000)).isNull();
    }

    private static List<String> receiveAll(MessageConsumer consumer, int count) throws Exception {
        List<String> received = new ArrayList<>();
        for (Message message = consumer.receive(5000); message != null; message = consumer.receive(
                received.size() < count ? 5000 : 300)) {
            received.add(text(message));
        }
        return received;
    }

    @Test
    void aDeliveryDelayInATransactionHoldsTheMessageBackAfterTheCommit() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxDelayed"));
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        MessageProducer producer = transacted.createProducer(queue);
        producer.setDeliveryDelay(2000);
        Message message = transacted.createTextMessage("later");
        producer.send(message);
        producer.setDeliveryDelay(0);
        producer.send(transacted.createTextMessage("now"));

        transacted.commit();

        assertThat(text(consumer.receive(5000))).isEqualTo("now");
        Message delayed = consumer.receive(10_000);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(message.getJMSDeliveryTime());
        assertThat(text(delayed)).isEqualTo("later");
    }

    @Test
    void commitAndRollbackAreRefusedOutsideATransaction() throws Exception {
        Session session = connection().createSession(Session.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(IllegalStateException.class);
    }
}
