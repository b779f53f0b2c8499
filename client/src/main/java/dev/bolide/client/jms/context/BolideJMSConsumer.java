package dev.bolide.client.jms.context;

import static dev.bolide.client.jms.context.JmsRuntimeExceptions.run;
import static dev.bolide.client.jms.context.JmsRuntimeExceptions.translate;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;

/** A JMSConsumer: a classic consumer of the context's session, with unchecked exceptions. */
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
        return translate(() -> body(consumer.receive(), c));
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return translate(() -> body(consumer.receive(timeout), c));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return translate(() -> body(consumer.receiveNoWait(), c));
    }

    private static <T> T body(Message message, Class<T> c) throws jakarta.jms.JMSException {
        return message == null ? null : message.getBody(c);
    }
}
