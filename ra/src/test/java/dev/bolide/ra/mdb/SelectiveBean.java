package dev.bolide.ra.mdb;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A bean with a message selector. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = SelectiveBean.QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "kind = 'wanted'")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SelectiveBean implements MessageListener {
    public static final String QUEUE = "ItSelected";

    @Override
    public void onMessage(Message message) {
        DeliveryLog.record(QUEUE, message);
    }
}
