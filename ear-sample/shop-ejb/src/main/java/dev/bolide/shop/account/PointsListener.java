package dev.bolide.shop.account;

import dev.bolide.shop.messaging.OncePerKeyListener;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.math.BigDecimal;

/** Paid messages: credits the points the payment earns, once per order. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ShopTopics.ORDER_PAID),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = ShopTopics.POINTS),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class PointsListener extends OncePerKeyListener {
    @EJB
    private AccountService service;

    @Override
    protected String consumerGroup() {
        return ShopTopics.POINTS;
    }

    @Override
    protected void act(String key, Message message) throws JMSException {
        service.addPoints(Long.parseLong(key), message.getLongProperty("userId"),
                new BigDecimal(message.getStringProperty("amount")));
    }
}
