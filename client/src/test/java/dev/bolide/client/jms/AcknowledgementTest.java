package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.RocketMqClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AcknowledgementTest extends JmsTestBase {
    @Test
    void recoverRedeliversUnacknowledgedMessagesMarkedRedelivered() throws Exception {
        Session session = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        // one queue: "a" and "b" on two queues may arrive in either order
        Queue queue = session.createQueue(fresh("Recover", 1));
        send(session, queue, "a", "b");
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(text(consumer.receive(5000))).isEqualTo("a");
        assertThat(text(consumer.receive(5000))).isEqualTo("b");

        session.recover();

        Message again = consumer.receive(5000);
        assertThat(text(again)).isEqualTo("a");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(text(consumer.receive(5000))).isEqualTo("b");
    }

    @Test
    void acknowledgedMessagesAreNotRedeliveredByRecover() throws Exception {
        Session session = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue(fresh("Acked"));
        send(session, queue, "a");
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.receive(5000).acknowledge();

        session.recover();

        assertThat(consumer.receive(1000)).isNull();
    }

    @Test
    void unacknowledgedMessagesComeBackToANewConsumerAfterTheSessionCloses() throws Exception {
        Connection connection = connection();
        Session first = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = first.createQueue(fresh("Unacked"));
        send(first, queue, "kept");
        assertThat(text(first.createConsumer(queue).receive(5000))).isEqualTo("kept");
        first.close();

        MessageConsumer next = connection.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(queue);

        assertThat(text(next.receive(5000))).isEqualTo("kept");
        // once: it comes back uncommitted from the queue, not also as a copy through %RETRY%
        assertThat(next.receive(3000)).isNull();
    }

    @Test
    void acknowledgedMessagesDoNotComeBackToAnotherConnection() throws Exception {
        Session first = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = first.createQueue(fresh("Committed"));
        send(first, queue, "x", "y");
        MessageConsumer consumer = first.createConsumer(queue);
        consumer.receive(5000);
        consumer.receive(5000).acknowledge();
        consumer.close();

        Session second = connection().createSession(Session.AUTO_ACKNOWLEDGE);
        assertThat(second.createConsumer(queue).receive(1500)).isNull();
    }

    @Test
    void theCommittedOffsetStaysAtTheLowestUnacknowledgedMessage() throws Exception {
        Connection connection = connection();
        String name = fresh("Order", 1);
        Session holding = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        Session auto = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        Queue queue = auto.createQueue(name);
        MessageConsumer held = holding.createConsumer(queue);
        MessageConsumer acknowledged = auto.createConsumer(queue);
        send(auto, queue, "first", "second");
        // the connection's group member hands the two messages to its two consumers in turn
        Message first = held.receive(5000);
        assertThat(text(acknowledged.receive(5000))).isEqualTo("second");
        MessageQueue only = new MessageQueue(name, "broker-a", 0);

        try (RocketMqClient observer = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            assertThat(observer.committedOffset(GroupNames.queue(name), only)).isIn(-1L, 0L);
            first.acknowledge();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> observer.committedOffset(GroupNames.queue(name), only) == 2);
        }
    }

    static void send(Session session, Queue queue, String... texts) throws Exception {
        MessageProducer producer = session.createProducer(queue);
        for (String text : texts) {
            producer.send(session.createTextMessage(text));
        }
    }

    static String text(Message message) throws Exception {
        return message == null ? null : ((TextMessage) message).getText();
    }
}
