package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        AtomicReference<Thread> receiver = new AtomicReference<>();
        CompletableFuture<Object> receiving = CompletableFuture.supplyAsync(() -> {
            receiver.set(Thread.currentThread());
            try {
                return consumer.receive();
            } catch (Exception e) {
                return e;
            }
        });
        await("receive() waiting").atMost(Duration.ofSeconds(5)).until(() -> waiting(receiver.get()));

        consumer.close();

        assertThat(receiving.get(5, TimeUnit.SECONDS)).isNull();
    }

    private static boolean waiting(Thread thread) {
        return thread != null && (thread.getState() == Thread.State.WAITING
                || thread.getState() == Thread.State.TIMED_WAITING);
    }

    @Test
    void aClosedSessionRefusesAcknowledgeAndRecover() throws Exception {
        Session session = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        session.close();

        assertThatThrownBy(session::recover).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
    }
}
