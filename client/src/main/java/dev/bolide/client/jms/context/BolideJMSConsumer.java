package dev.bolide.client.jms.context;

import static dev.bolide.client.jms.context.JmsRuntimeExceptions.run;
import static dev.bolide.client.jms.context.JmsRuntimeExceptions.translate;

import dev.bolide.client.jms.consumer.BolideMessageConsumer;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;

/**
 * A JMSConsumer: a classic consumer of the context's session, with unchecked exceptions. The
 * consumer is Bolide's own, or one the adapter wraps for a container.
 */
final class BolideJMSConsumer implements JMSConsumer {
    private final MessageConsumer consumer;

    BolideJMSConsumer(MessageConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return translate(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return translate(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return translate(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return translate(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return translate(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return translate(() -> body(c, 0));
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return translate(() -> body(c, Math.max(0, timeout)));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return translate(() -> body(c, -1));
    }

    /**
     * Bolide's consumer leaves a message whose body is not a {@code c} in place; a consumer the
     * adapter wraps receives it first (in a container's transaction it counts as received anyway).
     *
     * @param timeout 0: wait as long as it takes; negative: do not wait
     */
    private <T> T body(Class<T> c, long timeout) throws JMSException {
        if (consumer instanceof BolideMessageConsumer bolide) {
            return bolide.receiveBody(c, timeout);
        }
        Message message = timeout < 0 ? consumer.receiveNoWait() : consumer.receive(timeout);
        return message == null ? null : message.getBody(c);
    }
}
