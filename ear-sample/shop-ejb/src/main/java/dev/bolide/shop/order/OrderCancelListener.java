package dev.bolide.shop.order;

import dev.bolide.shop.messaging.OncePerKeyListener;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;

/** Cancel messages: marks the failed order cancelled, once per order. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ShopTopics.ORDER_CANCEL),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = ShopTopics.ORDER_CANCELLING),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class OrderCancelListener extends OncePerKeyListener {
    @EJB
    private OrderService service;

    @Override
    protected String consumerGroup() {
        return ShopTopics.ORDER_CANCELLING;
    }

    @Override
    protected void act(String key, Message message) {
        service.markCancelled(Long.parseLong(key));
    }
}
