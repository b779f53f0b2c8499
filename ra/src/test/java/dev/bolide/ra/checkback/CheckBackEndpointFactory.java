package dev.bolide.ra.checkback;

import dev.bolide.ra.TransactionCheckListener;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.transaction.xa.XAResource;

/**
 * The endpoint factory of a check-back bean, without a server: each endpoint decides with
 * {@code decide} on the half message's text and records what it was asked.
 */
final class CheckBackEndpointFactory implements MessageEndpointFactory {
    /** One check-back as the bean saw it. */
    record Asked(String text, String orderId, String thread) {
    }

    private final Function<String, TransactionCheckListener.Outcome> decide;
    private final List<Asked> asked = new CopyOnWriteArrayList<>();

    CheckBackEndpointFactory(Function<String, TransactionCheckListener.Outcome> decide) {
        this.decide = decide;
    }

    List<Asked> asked() {
        return asked;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        return new Endpoint();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        return new Endpoint();
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return "check-back-endpoint";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    final class Endpoint implements MessageEndpoint, TransactionCheckListener {
        @Override
        public Outcome checkTransaction(Message halfMessage) {
            try {
                BytesMessage bytes = (BytesMessage) halfMessage;
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                String text = new String(body, StandardCharsets.UTF_8);
                asked.add(new Asked(text, halfMessage.getStringProperty("orderId"), Thread.currentThread().getName()));
                return decide.apply(text);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void beforeDelivery(Method method) {
            throw new IllegalStateException("check-backs call checkTransaction directly");
        }

        @Override
        public void afterDelivery() {
            throw new IllegalStateException("check-backs call checkTransaction directly");
        }

        @Override
        public void release() {
            // nothing held
        }
    }
}
