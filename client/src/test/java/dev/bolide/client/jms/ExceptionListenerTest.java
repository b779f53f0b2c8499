package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExceptionListenerTest extends JmsTestBase {
    @Test
    void theExceptionListenerHearsOfALostBrokerConnectionOfAConsumer() throws Exception {
        Connection connection = connection();
        CompletableFuture<JMSException> heard = new CompletableFuture<>();
        connection.setExceptionListener(heard::complete);
        Session session = connection.createSession();
        session.createConsumer(session.createQueue(fresh("Watched")));

        broker.stop();
        try {
            assertThat(heard.get(10, TimeUnit.SECONDS)).hasMessageContaining("lost the connection");
        } finally {
            broker.start();
        }
    }

    /** No pull fails here: the connection only sent, and is idle when the broker goes. */
    @Test
    void theExceptionListenerHearsOfABrokerThatBecameUnreachableFromAnIdleConnection() throws Exception {
        Connection connection = connection();
        CompletableFuture<JMSException> heard = new CompletableFuture<>();
        connection.setExceptionListener(heard::complete);
        Session session = connection.createSession();
        session.createProducer(session.createQueue(fresh("Idle"))).send(session.createTextMessage("one"));

        broker.stop();
        try {
            assertThat(heard.get(10, TimeUnit.SECONDS)).hasMessageContaining("unreachable");
        } finally {
            broker.start();
        }
    }
}
