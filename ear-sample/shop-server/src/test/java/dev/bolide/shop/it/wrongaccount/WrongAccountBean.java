package dev.bolide.shop.it.wrongaccount;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A bean that names the shop's broker account with a wrong password in its own activation
 * properties (they come before the adapter's account): its activation must fail. Deployed by
 * {@code WrongAccountBeanOnPayaraIT}, never part of the shop.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = WrongAccountBean.QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "userName", propertyValue = "bolide-shop"),
    @ActivationConfigProperty(propertyName = "password", propertyValue = "not-the-secret-key")})
public class WrongAccountBean implements MessageListener {
    public static final String QUEUE = "ShopWrongAccount";

    @Override
    public void onMessage(Message message) {
        throw new IllegalStateException("a bean with a wrong account was given a message");
    }
}
