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
            if (processedMessages.firstDelivery(consumerGroup(), message.getJMSCorrelationID())) {
                act(message.getLongProperty(ShopMessages.ORDER_ID), message);
            }
        } catch (JMSException e) {
            throw new MessagingFailedException("reading a message of " + consumerGroup(), e);
        }
    }

    /** The consumer group, the first half of the idempotency key. */
    protected abstract String consumerGroup();

    /** The work, in the delivery's transaction. */
    protected abstract void act(long orderId, Message message) throws JMSException;
}
