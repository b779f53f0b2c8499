package dev.bolide.shop.topup;

import dev.bolide.shop.account.AccountService;
import dev.bolide.shop.messaging.OncePerKeyListener;
import dev.bolide.shop.messaging.ShopTopics;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;

/** Committed top-up messages: notes that the top-up was announced, once per top-up. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ShopTopics.TOP_UP),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = ShopTopics.TOP_UP_NOTICE),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class TopUpNoticeListener extends OncePerKeyListener {
    @EJB
    private AccountService accounts;

    @Override
    protected String consumerGroup() {
        return ShopTopics.TOP_UP_NOTICE;
    }

    @Override
    protected void act(String key, Message message) {
        accounts.markNotified(key);
    }
}
