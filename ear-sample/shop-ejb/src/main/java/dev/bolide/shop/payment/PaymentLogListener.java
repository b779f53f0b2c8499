package dev.bolide.shop.payment;

import dev.bolide.shop.messaging.OncePerKeyListener;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.math.BigDecimal;

/** Paid messages: writes the payment log line, once per order. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ShopTopics.ORDER_PAID),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = ShopTopics.PAYMENT_LOG),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class PaymentLogListener extends OncePerKeyListener {
    @EJB
    private PaymentService service;

    @Override
    protected String consumerGroup() {
        return ShopTopics.PAYMENT_LOG;
    }

    @Override
    protected void act(String key, Message message) throws JMSException {
        service.log(Long.parseLong(key), new BigDecimal(message.getStringProperty("amount")));
    }
}
