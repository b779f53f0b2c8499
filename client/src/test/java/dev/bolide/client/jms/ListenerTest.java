package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.jms.consumer.GroupReader;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.Subscription;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenerTest extends JmsTestBase {
    @Test
    void aListenerGetsTheMessagesOfItsQueue() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Listened"));
        List<Message> received = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(received::add);

        send(session, queue, "a", "b");

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
    }

    @Test
    void aMessageWhoseListenerThrowsIsRedeliveredWithItsDeliveryCount() throws Exception {
        Session session = connection().createSession();
        Queue queue = session.createQueue(fresh("Failing"));
        List<Message> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            deliveries.add(message);
            if (deliveries.size() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        });

        send(session, queue, "retried");

        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() == 2);
        assertThat(deliveries.get(0).getJMSRedelivered()).isFalse();
        assertThat(deliveries.get(1).getJMSRedelivered()).isTrue();
        assertThat(deliveries.get(1).getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void aMessageDeliveredMoreThanMaxRedeliveriesGoesToTheDeadLetterQueue() throws Exception {
        Connection connection = started(factory("maxRedeliveries", "2").createConnection());
        Session session = connection.createSession();
        String name = fresh("Poison");
        Queue queue = session.createQueue(name);
        List<Message> deliveries = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            deliveries.add(message);
            throw new IllegalStateException("always fails");
        });

        send(session, queue, "poison");

        String deadLetters = GroupReader.deadLetterTopic(GroupNames.queue(name));
        try (RocketMqClient observer = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> !observer.pull(PullRequest.of("observer",
                    new MessageQueue(deadLetters, "broker-a", 0), 0, 8, Duration.ZERO, Subscription.all(deadLetters)))
                    .messages().isEmpty());
        }
        assertThat(deliveries).hasSize(3);
    }

    @Test
    void stopPausesListenersAndStartResumesThem() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("Paused"));
        CountDownLatch received = new CountDownLatch(1);
        session.createConsumer(queue).setMessageListener(message -> received.countDown());
        connection.stop();

        send(session, queue, "waits");

        assertThat(received.await(1500, TimeUnit.MILLISECONDS)).isFalse();
        connection.start();
        assertThat(received.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void stopMakesReceiveWaitUntilStart() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("Stopped"));
        var consumer = session.createConsumer(queue);
        connection.stop();
        send(session, queue, "held");

        assertThat(consumer.receive(1500)).isNull();
        connection.start();
        assertThat(consumer.receive(5000)).isNotNull();
    }
}
