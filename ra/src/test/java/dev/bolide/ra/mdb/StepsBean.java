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
 * The orderly listener type ({@code consumeOrderly}): a queue's messages one at a time in the order
 * they were stored, a message whose delivery failed again before the next one. Container-transacted
 * (the default REQUIRED), as the shop's orderly bean; it throws at the first delivery of every
 * message starting with {@value #FAILING}, which rolls the transaction back. {@code maxSession} asks
 * for four sessions, which the orderly type overrides with one.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "bolide-ra"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = StepsBean.QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "consumeOrderly", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
public class StepsBean implements MessageListener {
    public static final String QUEUE = "ItSteps";
    public static final String FAILING = "step 2";
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    @Override
    public void onMessage(Message message) {
        DeliveryLog.record(QUEUE, message);
        try {
            String text = ((TextMessage) message).getText();
            if (text.startsWith(FAILING) && FAILED_ONCE.add(text)) {
                throw new IllegalStateException("first delivery of " + text + " fails: the transaction rolls back");
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
