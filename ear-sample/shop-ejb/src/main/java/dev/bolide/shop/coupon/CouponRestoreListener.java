package dev.bolide.shop.coupon;

import dev.bolide.shop.messaging.OncePerKeyListener;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;

/** Cancel messages: frees the coupon a failed order used, once per order. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ShopTopics.ORDER_CANCEL),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = ShopTopics.COUPON_RESTORE),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class CouponRestoreListener extends OncePerKeyListener {
    @EJB
    private CouponService service;

    @Override
    protected String consumerGroup() {
        return ShopTopics.COUPON_RESTORE;
    }

    @Override
    protected void act(String key, Message message) {
        service.restore(Long.parseLong(key));
    }
}
