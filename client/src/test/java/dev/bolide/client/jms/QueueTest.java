package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueTest extends JmsTestBase {
    @Test
    void aMessageSentToAQueueIsReceived() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("Orders"));
        session.createProducer(queue).send(session.createTextMessage("one"));

        TextMessage received = (TextMessage) session.createConsumer(queue).receive(5000);

        assertThat(received.getText()).isEqualTo("one");
        assertThat(received.getJMSDestination()).isEqualTo(queue);
        assertThat(received.getJMSRedelivered()).isFalse();
        assertThat(received.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @Test
    void aConsumerOnAConnectionNeverStartedHoldsNoMessageBackFromAStartedOne() throws Exception {
        Connection idle = closedAfterTest(factory().createConnection());
        Queue queue = idle.createSession().createQueue(fresh("IdleConsumer", 1));
        MessageConsumer neverStarted = idle.createSession().createConsumer(queue);
        Session session = connection().createSession();
        MessageConsumer active = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);

        for (int i = 0; i < 3; i++) {
            producer.send(session.createTextMessage("m" + i));
            assertThat(((TextMessage) active.receive(5000)).getText()).isEqualTo("m" + i);
        }
        producer.send(session.createTextMessage("for whoever reads next"));
        active.close();
        idle.start();
        assertThat(((TextMessage) neverStarted.receive(5000)).getText()).isEqualTo("for whoever reads next");
    }

    @Test
    void aConsumerCreatedBeforeItsTopicExistsReceivesTheFirstMessageSent() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue("NotYetCreated" + System.nanoTime());
        MessageConsumer consumer = session.createConsumer(queue);

        session.createProducer(queue).send(session.createTextMessage("first"));

        TextMessage received = (TextMessage) consumer.receive(15_000);
        assertThat(received).isNotNull();
        assertThat(received.getText()).isEqualTo("first");
    }

    @Test
    void twoConsumersOfAQueueInOneConnectionEachGetADifferentShare() throws Exception {
        Connection connection = connection();
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("Split"));
        MessageConsumer first = session.createConsumer(queue);
        MessageConsumer second = session.createConsumer(queue);
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 10; i++) {
            producer.send(session.createTextMessage("m" + i));
        }

        List<String> firstGot = drain(first);
        List<String> secondGot = drain(second);

        assertThat(firstGot).isNotEmpty().doesNotContainAnyElementsOf(secondGot);
        assertThat(secondGot).isNotEmpty();
        assertThat(firstGot.size() + secondGot.size()).isEqualTo(10);
    }

    static List<String> drain(MessageConsumer consumer) throws Exception {
        List<String> texts = new ArrayList<>();
        for (TextMessage m = (TextMessage) consumer.receive(2000); m != null; m = (TextMessage) consumer.receive(500)) {
            texts.add(m.getText());
        }
        return texts;
    }
}
