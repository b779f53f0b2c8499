package dev.bolide.shop.messaging;

import jakarta.ejb.EJB;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A container-transacted message-driven bean that acts on each message key once: the idempotency
 * row (group, key) is inserted in the same XA transaction as the bean's work and the message's
 * acknowledgement, so a message delivered twice changes the database once.
 */
public abstract class OncePerKeyListener implements MessageListener {
    @EJB
    private ProcessedMessages processedMessages;

    @Override
    public void onMessage(Message message) {
        try {
            String key = message.getJMSCorrelationID();
            if (processedMessages.firstDelivery(consumerGroup(), key)) {
                act(key, message);
            }
        } catch (JMSException e) {
            throw new MessagingFailedException("reading a message of " + consumerGroup(), e);
        }
    }

    /** The consumer group, the first half of the idempotency key. */
    protected abstract String consumerGroup();

    /** The work, in the delivery's transaction; {@code key} is the message's key (for orders, the order id). */
    protected abstract void act(String key, Message message) throws JMSException;
}
