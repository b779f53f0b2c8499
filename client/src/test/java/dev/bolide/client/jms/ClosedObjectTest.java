package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClosedObjectTest extends JmsTestBase {
    @Test
    void aClosedConnectionRefusesNewSessionsAndClosesAgainQuietly() throws Exception {
        Connection connection = factory().createConnection();
        connection.close();

        assertThatThrownBy(connection::createSession).isInstanceOf(IllegalStateException.class);
        connection.close();
    }

    @Test
    void closingTheConnectionClosesItsSessionsProducersAndConsumers() throws Exception {
        Connection connection = factory().createConnection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("Closing"));
        MessageProducer producer = session.createProducer(queue);
        MessageConsumer consumer = session.createConsumer(queue);

        connection.close();

        assertThatThrownBy(() -> session.createTextMessage()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(session.createTextMessage()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReceiveInProgressReturnsNullWhenItsConsumerCloses() throws Exception {
        Session session = connection().createSession();
        MessageConsumer consumer = session.createConsumer(session.createQueue(fresh("Waiting")));
        CompletableFuture<Object> receiving = CompletableFuture.supplyAsync(() -> {
            try {
                return consumer.receive();
            } catch (Exception e) {
                return e;
            }
        });
        Thread.sleep(200);

        consumer.close();

        assertThat(receiving.get(5, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aClosedSessionRefusesAcknowledgeAndRecover() throws Exception {
        Session session = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        session.close();

        assertThatThrownBy(session::recover).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
    }
}
