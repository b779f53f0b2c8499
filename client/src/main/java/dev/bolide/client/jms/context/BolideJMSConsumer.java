package dev.bolide.client.jms.context;

import static dev.bolide.client.jms.context.JmsRuntimeExceptions.run;
import static dev.bolide.client.jms.context.JmsRuntimeExceptions.translate;

import dev.bolide.client.jms.consumer.BolideMessageConsumer;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A JMSConsumer: a classic consumer of the context's session, with unchecked exceptions. */
final class BolideJMSConsumer implements JMSConsumer {
    private final BolideMessageConsumer consumer;

    BolideJMSConsumer(BolideMessageConsumer consumer) {
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
        return translate(() -> consumer.receiveBody(c, 0));
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return translate(() -> consumer.receiveBody(c, Math.max(0, timeout)));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return translate(() -> consumer.receiveBody(c, -1));
    }
}
