package dev.bolide.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.transaction.xa.XAResource;

/**
 * A message endpoint factory as a server has one per message-driven bean, without the server: each
 * endpoint passes the message to {@code onMessage} (which may throw, as a bean does) and records what
 * it was given. Endpoints must be released, as the Connectors contract says.
 */
final class RecordingEndpointFactory implements MessageEndpointFactory {
    /** What one call of onMessage saw. */
    record Delivered(String text, int deliveryCount, boolean redelivered, String thread) {
    }

    private final Consumer<TextMessage> onMessage;
    private final boolean transacted;
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final List<Delivered> returned = new CopyOnWriteArrayList<>();
    private final List<Endpoint> unreleased = new CopyOnWriteArrayList<>();

    RecordingEndpointFactory(Consumer<TextMessage> onMessage, boolean transacted) {
        this.onMessage = onMessage;
        this.transacted = transacted;
    }

    /** Endpoints that accept every message. */
    static RecordingEndpointFactory accepting() {
        return new RecordingEndpointFactory(message -> { }, false);
    }

    /** Every call of onMessage, in order, whether it returned or threw. */
    List<Delivered> delivered() {
        return delivered;
    }

    /** The texts of the calls that returned normally, in order. */
    List<String> accepted() {
        return returned.stream().map(Delivered::text).toList();
    }

    List<Endpoint> unreleased() {
        return unreleased;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        Endpoint endpoint = new Endpoint();
        unreleased.add(endpoint);
        return endpoint;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "recording-endpoint";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    final class Endpoint implements MessageEndpoint, MessageListener {
        @Override
        public void onMessage(Message message) {
            TextMessage text = (TextMessage) message;
            Delivered seen = seen(text);
            delivered.add(seen);
            onMessage.accept(text);
            returned.add(seen);
        }

        private Delivered seen(TextMessage message) {
            try {
                return new Delivered(message.getText(), message.getIntProperty("JMSXDeliveryCount"),
                        message.getJMSRedelivered(), Thread.currentThread().getName());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void beforeDelivery(Method method) {
            throw new IllegalStateException("non-transacted delivery calls onMessage directly");
        }

        @Override
        public void afterDelivery() {
            throw new IllegalStateException("non-transacted delivery calls onMessage directly");
        }

        @Override
        public void release() {
            unreleased.remove(this);
        }
    }
}
