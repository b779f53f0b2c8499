package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A connection's ExceptionListener hears of each lost broker connection once, whatever the
 * connection was doing (pulling, or idle after a send), with the broker's name and address and the
 * cause; a broker that comes back and is lost again is reported again.
 */
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
            assertThat(heard.get(10, TimeUnit.SECONDS)).hasMessageContaining("lost the connection")
                    .hasMessageContaining("broker broker-a at " + broker.address());
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
            assertThat(heard.get(10, TimeUnit.SECONDS)).hasMessageContaining("broker broker-a at " + broker.address())
                    .hasMessageContaining("unreachable");
        } finally {
            broker.start();
        }
    }

    /** The consumer's pulls fail again every half second while the broker is away: one report, not one each. */
    @Test
    void eachLostConnectionIsReportedOnce() throws Exception {
        Connection connection = connection();
        List<JMSException> heard = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(heard::add);
        Session session = connection.createSession();
        var queue = session.createQueue(fresh("Twice"));
        session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);

        broker.stop();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> heard.size() == 1);
        } finally {
            broker.start();
        }
        // the client reaches the broker again, so its next loss is a new one
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            producer.send(session.createTextMessage("back"));
            return true;
        });
        broker.stop();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 2);
        } finally {
            broker.start();
        }
        assertThat(heard).allSatisfy(e -> assertThat(e).hasMessageContaining("broker broker-a at " + broker.address()));
    }
}
