package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.protocol.remoting.ResponseCode;
import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemporaryDestinationTest extends JmsTestBase {
    @Test
    void aQueueRequestorGetsTheReplySentToItsTemporaryQueue() throws Exception {
        Session server = connection().createSession();
        Queue service = server.createQueue(fresh("Service"));
        server.createConsumer(service).setMessageListener(request -> {
            try {
                var reply = server.createTextMessage("re: " + text(request));
                reply.setJMSCorrelationID(request.getJMSMessageID());
                server.createProducer(request.getJMSReplyTo()).send(reply);
            } catch (Exception e) {
                throw new IllegalStateException(e.toString());
            }
        });
        QueueConnection client = started(factory().createQueueConnection());
        QueueSession session = client.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);

        Message reply = new QueueRequestor(session, service).request(session.createTextMessage("ping"));

        assertThat(text(reply)).isEqualTo("re: ping");
    }

    private static final class IllegalStateException extends RuntimeException {
        IllegalStateException(String message) {
            super(message);
        }
    }

    @Test
    void theTopicOfATemporaryQueueIsDeletedOnTheBrokerWhenItsConnectionCloses() throws Exception {
        Connection connection = factory().createConnection();
        TemporaryQueue temporary = connection.createSession().createTemporaryQueue();
        MessageQueue queue = new MessageQueue(temporary.getQueueName(), "broker-a", 0);

        connection.close();

        try (RocketMqClient observer = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            assertThatThrownBy(() -> observer.pull(PullRequest.of("observer", queue, 0, 1, Duration.ZERO,
                    Subscription.all(queue.topic())))).isInstanceOfSatisfying(RocketMqException.class,
                            e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST));
        }
    }

    @Test
    void aTemporaryQueueWithAConsumerCannotBeDeleted() throws Exception {
        Session session = connection().createSession();
        TemporaryQueue temporary = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(temporary);

        assertThatThrownBy(temporary::delete).isInstanceOf(jakarta.jms.IllegalStateException.class);
        consumer.close();
        temporary.delete();
    }

    @Test
    void onlyTheCreatingConnectionMayConsumeFromATemporaryQueue() throws Exception {
        TemporaryQueue temporary = connection().createSession().createTemporaryQueue();
        Session other = connection().createSession();

        assertThatThrownBy(() -> other.createConsumer(temporary)).isInstanceOf(InvalidDestinationException.class);
    }
}
