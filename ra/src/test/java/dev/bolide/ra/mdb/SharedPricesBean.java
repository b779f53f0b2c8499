package dev.bolide.ra.mdb;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A bean on a shared durable topic subscription, which {@link SecondSharedPricesBean} shares: each
 * price goes to one of the two, once. No client id: a shared subscription is named by its name alone.
 * One session each: a session's work holds a thread of the server's WorkManager for as long as the
 * bean is active, and WildFly's default WorkManager has 50, which the archive's other beans nearly fill
 * (with 10 sessions each here, the orderly and check-back beans got none and received nothing).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = SharedPricesBean.TOPIC),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = SharedPricesBean.SUBSCRIPTION),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SharedPricesBean implements MessageListener {
    public static final String TOPIC = "ItSharedPrices";
    static final String SUBSCRIPTION = "shared-prices";

    @Override
    public void onMessage(Message message) {
        DeliveryLog.record(TOPIC, message);
    }
}
