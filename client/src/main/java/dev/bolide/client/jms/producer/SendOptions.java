package dev.bolide.client.jms.producer;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** A producer's defaults for the messages it sends. */
public final class SendOptions {
    boolean disableMessageId;
    boolean disableTimestamp;
    int deliveryMode = DeliveryMode.PERSISTENT;
    int priority = Message.DEFAULT_PRIORITY;
    long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;

    void setDeliveryMode(int mode) throws JMSException {
        checkDeliveryMode(mode);
        deliveryMode = mode;
    }

    void setPriority(int value) throws JMSException {
        checkPriority(value);
        priority = value;
    }

    void setDeliveryDelay(long delay) throws JMSException {
        if (delay < 0) {
            throw new JMSException("deliveryDelay must not be negative: " + delay);
        }
        deliveryDelay = delay;
    }

    static void checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("delivery mode must be PERSISTENT or NON_PERSISTENT, not " + mode);
        }
    }

    static void checkPriority(int value) throws JMSException {
        if (value < 0 || value > 9) {
            throw new JMSException("priority must be 0 to 9, not " + value);
        }
    }
}
