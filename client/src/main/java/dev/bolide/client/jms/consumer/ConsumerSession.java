package dev.bolide.client.jms.consumer;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** What a consumer needs of the session that created it. */
public interface ConsumerSession {
    /**
     * Turns a delivery into the message the application gets, and records it for acknowledgement;
     * null when the message is not to be delivered (expired, or moved to the dead-letter queue).
     */
    Message deliver(Delivery delivery, BolideMessageConsumer consumer) throws JMSException;

    /** Acknowledges what {@link #deliver} returned, as the session's mode says, after a receive. */
    void received(Delivery delivery) throws JMSException;

    /**
     * A receiveBody could not return the delivery's body: when the session acknowledges by itself the
     * delivery goes back to the head of {@code consumer} as if never received, otherwise it counts as
     * received (to be acknowledged, committed or recovered with the others).
     */
    void bodyRefused(Delivery delivery, BolideMessageConsumer consumer) throws JMSException;

    /** A message arrived for one of the session's consumers. */
    void messageArrived();

    /**
     * Waits until the connection delivers (it is started) or {@code deadlineNanos} passes.
     *
     * @return false when the deadline passed first
     */
    boolean awaitStarted(long deadlineNanos) throws InterruptedException;

    /** A listener was set or removed: the session's delivery thread takes it from here. */
    void listenerChanged(BolideMessageConsumer consumer) throws JMSException;

    /** The consumer closed: its group member may go. */
    void consumerClosed(BolideMessageConsumer consumer);

    /** Whether the calling thread is the one running this session's listeners. */
    boolean isDeliveryThread();
}
