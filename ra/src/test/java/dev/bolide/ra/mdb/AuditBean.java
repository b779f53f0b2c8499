package dev.bolide.ra.mdb;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A bean on a durable topic subscription. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = AuditBean.TOPIC),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "clientId", propertyValue = "it-shop"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "audit")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditBean implements MessageListener {
    public static final String TOPIC = "ItPrices";

    @Override
    public void onMessage(Message message) {
        DeliveryLog.record(TOPIC, message);
    }
}
