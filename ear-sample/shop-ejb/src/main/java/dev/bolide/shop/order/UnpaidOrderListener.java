package dev.bolide.shop.order;

import dev.bolide.shop.messaging.OncePerKeyListener;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;

/**
 * The delayed unpaid checks (sent with a delivery delay when the order is confirmed): an order
 * still unpaid fails and is cancelled through the cancel message, which restores everything.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ShopTopics.UNPAID_CHECK),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class UnpaidOrderListener extends OncePerKeyListener {
    @EJB
    private OrderService service;

    @Override
    protected String consumerGroup() {
        return ShopTopics.UNPAID_CANCELLING;
    }

    @Override
    protected void act(String key, Message message) {
        service.cancelIfUnpaid(Long.parseLong(key));
    }
}
