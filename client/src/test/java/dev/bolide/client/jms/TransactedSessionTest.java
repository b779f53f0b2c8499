package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.send;
import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
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
    void aTransactedSendIsRefusedUntilTheBrokerHasTransactionBranches() throws Exception {
        Session transacted = connection().createSession(Session.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue(fresh("TxSend"));

        assertThatThrownBy(() -> transacted.createProducer(queue).send(transacted.createTextMessage("x")))
                .isInstanceOf(JMSException.class).hasMessageContaining("transacted sends need");
    }
}
