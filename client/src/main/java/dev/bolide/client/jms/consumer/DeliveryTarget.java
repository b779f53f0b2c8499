package dev.bolide.client.jms.consumer;

import java.util.function.Predicate;

/** A local consumer a group member hands pulled messages to. */
public interface DeliveryTarget {
    /** What a consumer did with a delivery offered to it. */
    enum Offer {
        /** Into its buffer: the consumer had its turn. */
        TAKEN,
        /**
         * Acknowledged, as not for its subscription (noLocal, or a selector a broker did not apply):
         * as if the broker had filtered it, no consumer has a turn.
         */
        SKIPPED,
        /** Not taken: its selector does not select the message (a queue's), or it is closed. */
        REFUSED
    }

    Offer offer(Delivery delivery);

    /**
     * Removes the deliveries in its buffer that {@code lost} selects, not delivered yet: their queue
     * moved to another member (or its offset was reset), which reads them again.
     *
     * @return how many it removed
     */
    int discard(Predicate<Delivery> lost);
}
