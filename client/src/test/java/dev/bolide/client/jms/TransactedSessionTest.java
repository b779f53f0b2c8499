package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.send;
import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import java.util.Random;
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
        byte[] incompressible = new byte[5 * 1024 * 1024]; // over the broker's 4 MiB maxMessageSize
        new Random(7).nextBytes(incompressible);
        oversized.writeBytes(incompressible);
        producer.send(oversized);

        assertThatThrownBy(transacted::commit).isInstanceOf(TransactionRolledBackException.class);

        assertThat(consumer.receive(1500)).isNull();
    }

    @Test
    void aDelayedMessageSentInATransactionIsDeliveredAtItsDeliveryTimeAfterTheCommit() throws Exception {
        Connection connection = connection();
        Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxDelayed"));
        MessageProducer producer = transacted.createProducer(queue);
        producer.setDeliveryDelay(2000);
        Message message = transacted.createTextMessage("later");
        producer.send(message);

        transacted.commit();

        Message received = connection.createSession().createConsumer(queue).receive(10_000);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(message.getJMSDeliveryTime());
        assertThat(text(received)).isEqualTo("later");
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
    void commitAndRollbackAreRefusedOutsideATransaction() throws Exception {
        Session session = connection().createSession(Session.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(IllegalStateException.class);
    }
}
