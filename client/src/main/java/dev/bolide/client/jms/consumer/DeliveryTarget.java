package dev.bolide.client.jms.consumer;

/** A local consumer a group member hands pulled messages to. */
public interface DeliveryTarget {
    /**
     * Takes the delivery (into its buffer, or acknowledging it when it is not for this consumer, as
     * for noLocal); false when its selector does not select the message or it is closed.
     */
    boolean offer(Delivery delivery);
}
