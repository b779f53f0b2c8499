package dev.bolide.client.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextTest extends JmsTestBase {
    @Test
    void aStringSentWithAJmsProducerIsReceivedAsTheBody() {
        JMSContext context = context();
        Queue queue = context.createQueue(fresh("Simple"));
        JMSConsumer consumer = context.createConsumer(queue);

        context.createProducer().setProperty("colour", "red").send(queue, "hello");

        assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("hello");
    }

    @Test
    void mapAndBytesBodiesRoundTrip() {
        JMSContext context = context();
        Queue queue = context.createQueue(fresh("Bodies"));
        JMSConsumer consumer = context.createConsumer(queue);

        context.createProducer().send(queue, Map.<String, Object>of("n", 42)).send(queue, new byte[] {1, 2, 3});

        assertThat(consumer.receiveBody(Map.class, 5000)).containsEntry("n", 42);
        assertThat(consumer.receiveBody(byte[].class, 5000)).containsExactly(1, 2, 3);
    }

    @Test
    void propertiesAndHeadersOfTheProducerAreOnTheMessage() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue(fresh("Fluent"));
        JMSConsumer consumer = context.createConsumer(queue);

        context.createProducer().setProperty("count", 3).setJMSType("greeting").setJMSCorrelationID("c-1")
                .send(queue, "hi");

        var message = consumer.receive(5000);
        assertThat(message.getIntProperty("count")).isEqualTo(3);
        assertThat(message.getJMSType()).isEqualTo("greeting");
        assertThat(message.getJMSCorrelationID()).isEqualTo("c-1");
    }

    @Test
    void aContextCreatedFromAnotherSharesItsConnectionAndOutlivesIt() {
        JMSContext context = context();
        Queue queue = context.createQueue(fresh("SharedConnection"));
        JMSContext second = context.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer consumer = context.createConsumer(queue);

        second.createProducer().send(queue, "via the second context");
        second.close();

        assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("via the second context");
    }

    @Test
    void receiveBodyOfTheWrongTypeLeavesTheMessageForTheNextReceive() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue(fresh("WrongBody"));
        JMSConsumer consumer = context.createConsumer(queue);

        context.createProducer().send(queue, "text, not bytes").send(queue, "second");

        assertThatThrownBy(() -> consumer.receiveBody(byte[].class, 5000))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> consumer.receiveBodyNoWait(Map.class))
                .isInstanceOf(MessageFormatRuntimeException.class);
        var again = consumer.receive(5000);
        assertThat(again.getBody(String.class)).isEqualTo("text, not bytes");
        assertThat(again.getJMSRedelivered()).isFalse();
        assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("second");
    }

    @Test
    void receiveBodyOfTheWrongTypeInAClientAcknowledgedContextCountsAsReceived() throws Exception {
        JMSContext context = closedAfterTest(factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE));
        Queue queue = context.createQueue(fresh("WrongBodyClientAck"));
        JMSConsumer consumer = context.createConsumer(queue);

        context.createProducer().send(queue, "text").send(queue, "next");

        assertThatThrownBy(() -> consumer.receiveBody(byte[].class, 5000))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(String.class, 5000)).isEqualTo("next");
        context.recover();
        var first = consumer.receive(5000);
        assertThat(first.getBody(String.class)).isEqualTo("text");
        assertThat(first.getJMSRedelivered()).isTrue();
    }

    @Test
    void aNewContextTakesAClientIdUntilItIsUsed() {
        JMSContext context = context();
        context.setClientID("context-id");
        assertThat(context.getClientID()).isEqualTo("context-id");
        assertThatThrownBy(() -> context().setClientID("context-id"))
                .isInstanceOf(InvalidClientIDRuntimeException.class);

        JMSContext used = context();
        used.createConsumer(used.createQueue(fresh("Used")));
        assertThatThrownBy(() -> used.setClientID("too-late")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void checkedExceptionsBecomeTheirRuntimeTwins() {
        JMSContext context = context();
        Queue queue = context.createQueue(fresh("Runtime"));

        assertThatThrownBy(() -> context.createConsumer(queue, "a = ")).isInstanceOf(InvalidSelectorRuntimeException.class);
        context.close();
        assertThatThrownBy(() -> context.createProducer()).isInstanceOf(IllegalStateRuntimeException.class);
    }
}
