package dev.bolide.shop.history;

import dev.bolide.shop.messaging.MessagingFailedException;
import dev.bolide.shop.messaging.ShopMessages;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The orderly consumer of status events: one session, one message at a time, each RocketMQ queue's
 * order kept; an order's events all sit in one queue (its id is their JMSXGroupID), so its history
 * is appended in sequence.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ShopTopics.ORDER_STATUS),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "consumeOrderly", propertyValue = "true")})
public class OrderHistoryListener implements MessageListener {
    @EJB
    private OrderHistory history;

    @Override
    public void onMessage(Message message) {
        try {
            history.append(message.getLongProperty(ShopMessages.ORDER_ID), message.getIntProperty("change"),
                    message.getStringProperty("status"));
        } catch (JMSException e) {
            throw new MessagingFailedException("reading a status event", e);
        }
    }
}
