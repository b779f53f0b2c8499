package dev.bolide.ra.mdb;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A container-transacted bean (the default REQUIRED): the message is received in the transaction.
 * It throws at the first delivery of each message, which rolls the transaction back.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = TransactedOrdersBean.QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class TransactedOrdersBean implements MessageListener {
    public static final String QUEUE = "ItTxOrders";
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    @Override
    public void onMessage(Message message) {
        DeliveryLog.record(QUEUE, message);
        try {
            if (FAILED_ONCE.add(((TextMessage) message).getText())) {
                throw new IllegalStateException("first delivery fails: the transaction rolls back");
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
