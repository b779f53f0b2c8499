package dev.bolide.client.jms;

import static dev.bolide.client.jms.AcknowledgementTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorTest extends JmsTestBase {
    @Test
    void anInvalidSelectorIsRefusedWhenTheConsumerIsCreated() throws Exception {
        Session session = connection().createSession();
        Destination queue = session.createQueue(fresh("Bad"));

        assertThatThrownBy(() -> session.createConsumer(queue, "colour = ")).isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void aComparisonOfDifferentTypesIsAnInvalidSelectorForEveryKindOfConsumer() throws Exception {
        Connection connection = started(factory("clientId", "type-errors").createConnection());
        Session session = connection.createSession();
        Queue queue = session.createQueue(fresh("TypeErrors"));
        Topic topic = session.createTopic(fresh("TypeErrors"));

        assertThatThrownBy(() -> session.createConsumer(queue, "TRUE = 0")).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> session.createConsumer(topic, "FALSE = 0")).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> session.createDurableConsumer(topic, "d", "'1' = 1", false))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "s", "TRUE <> 'x'"))
                .isInstanceOf(InvalidSelectorException.class);
        try (JMSContext context = factory().createContext()) {
            assertThatThrownBy(() -> context.createConsumer(queue, "TRUE = 0"))
                    .isInstanceOf(InvalidSelectorRuntimeException.class);
        }
    }

    @Test
    void javasNumberLiteralsSelectLongProperties() throws Exception {
        Session session = connection().createSession();
        Destination queue = session.createQueue(fresh("Literals"));
        MessageConsumer consumer = session.createConsumer(queue,
                "low = -9223372036854775808L AND high = 9223372036854775807L AND oct = 035 AND hex = 0x1d");
        Message extremes = session.createTextMessage("extremes");
        extremes.setLongProperty("low", Long.MIN_VALUE);
        extremes.setLongProperty("high", Long.MAX_VALUE);
        extremes.setLongProperty("oct", 29);
        extremes.setLongProperty("hex", 29);
        session.createProducer(queue).send(extremes);

        assertThat(text(consumer.receive(5000))).isEqualTo("extremes");
    }

    @Test
    void aTopicSubscriberGetsOnlyMessagesWhosePropertiesMatch() throws Exception {
        Session session = connection().createSession();
        Destination topic = session.createTopic(fresh("Colours"));
        MessageConsumer red = session.createConsumer(topic, "colour = 'red' AND size > 2");

        send(session, topic, "blue", "colour", "blue", 5);
        send(session, topic, "small red", "colour", "red", 1);
        send(session, topic, "big red", "colour", "red", 3);

        assertThat(text(red.receive(5000))).isEqualTo("big red");
        assertThat(red.receive(500)).isNull();
    }

    @Test
    void aQueueConsumerSelectsOnJmsTypeAndPriority() throws Exception {
        Session session = connection().createSession();
        Destination queue = session.createQueue(fresh("Typed"));
        MessageConsumer urgentOrders = session.createConsumer(queue, "JMSType = 'order' AND JMSPriority > 6");
        MessageProducer producer = session.createProducer(queue);
        producer.send(typed(session, "low order", "order"), Message.DEFAULT_DELIVERY_MODE, 4, 0);
        producer.send(typed(session, "urgent invoice", "invoice"), Message.DEFAULT_DELIVERY_MODE, 9, 0);
        producer.send(typed(session, "urgent order", "order"), Message.DEFAULT_DELIVERY_MODE, 8, 0);

        assertThat(text(urgentOrders.receive(5000))).isEqualTo("urgent order");
        assertThat(urgentOrders.receive(500)).isNull();
    }

    @Test
    void aTopicSubscriberSelectsOnJmsTypeThroughTheBroker() throws Exception {
        Session session = connection().createSession();
        Destination topic = session.createTopic(fresh("TypedTopic"));
        MessageConsumer orders = session.createConsumer(topic, "JMSType = 'order'");
        MessageProducer producer = session.createProducer(topic);
        producer.send(typed(session, "invoice", "invoice"));
        producer.send(typed(session, "order", "order"));

        assertThat(text(orders.receive(5000))).isEqualTo("order");
    }

    @Test
    void anEmptyJmsTypeIsSelectedByAnEmptyStringOnQueuesAndTopics() throws Exception {
        Session session = connection().createSession();
        for (Destination destination : List.of(session.createQueue(fresh("EmptyType")),
                session.createTopic(fresh("EmptyTypeTopic")))) {
            MessageConsumer untyped = session.createConsumer(destination, "JMSType = ''");
            MessageProducer producer = session.createProducer(destination);
            producer.send(typed(session, "typed", "order"));
            producer.send(session.createTextMessage("no type at all"));
            producer.send(typed(session, "empty type", ""));

            Message received = untyped.receive(5000);
            assertThat(text(received)).isEqualTo("empty type");
            assertThat(received.getJMSType()).isEmpty();
        }
    }

    @Test
    void aSelectiveSubscriberBesideAnUnselectiveOneGetsTheResentMessageItSelects() throws Exception {
        Session session = connection().createSession();
        Topic topic = session.createTopic(fresh("HeaderTopic"));
        MessageConsumer everything = session.createConsumer(topic);
        MessageConsumer tests = session.createConsumer(topic, "JMSType = 'test_message'");
        MessageProducer producer = session.createProducer(topic);
        Message message = session.createMessage();
        message.setJMSType("foo");
        message.setBooleanProperty("lastMessage", false);
        producer.send(message);
        // a sent message may be changed and sent again
        message.setJMSType("test_message");
        message.setBooleanProperty("lastMessage", true);
        producer.send(message);

        assertThat(tests.receive(5000).getBooleanProperty("lastMessage")).isTrue();
        assertThat(tests.receive(500)).isNull();
        assertThat(everything.receive(5000).getJMSType()).isEqualTo("foo");
    }

    /**
     * The TCK's core20 JMSContext createConsumerTest: a selective consumer takes the last of three
     * messages of one queue (a session sends them all to the same RocketMQ queue), so the offset the
     * broker keeps stays below the two it left; the queue's next consumer in the connection gets
     * those two, and not the one already acknowledged.
     */
    @Test
    void aMessageASelectiveQueueConsumerAcknowledgedIsNotDeliveredToTheQueuesNextConsumer() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue(fresh("TakenAhead"));
        JMSConsumer selective = context.createConsumer(queue, "lastMessage = TRUE");
        for (int i = 1; i <= 3; i++) {
            context.createProducer().setProperty("lastMessage", i == 3).send(queue, "Message " + i);
        }
        assertThat(selective.receiveBody(String.class, 5000)).isEqualTo("Message 3");
        selective.close();

        JMSConsumer next = context.createConsumer(queue);
        assertThat(next.receiveBody(String.class, 5000)).isEqualTo("Message 1");
        assertThat(next.receiveBody(String.class, 5000)).isEqualTo("Message 2");
        assertThat(next.receive(1000)).as("the message the selective consumer acknowledged").isNull();
    }

    private static Message typed(Session session, String text, String type) throws Exception {
        Message message = session.createTextMessage(text);
        message.setJMSType(type);
        return message;
    }

    private static void send(Session session, Destination to, String text, String key, String value, int size)
            throws Exception {
        Message message = session.createTextMessage(text);
        message.setStringProperty(key, value);
        message.setIntProperty("size", size);
        session.createProducer(to).send(message);
    }
}
