package dev.bolide.broker.send;

import java.io.IOException;
import java.util.Map;

/**
 * Stores a sent message somewhere else than where it was sent, as RocketMQ does with a delayed
 * message (its level's schedule queue) and with a retry that has run out of attempts (the group's
 * dead-letter queue). A diversion notes in the properties what it needs to know later, such as the
 * real destination.
 */
@FunctionalInterface
public interface Diversion {
    /** Stores every message where it was sent. */
    Diversion NONE = (requested, properties, reconsumeTimes, maxReconsumeTimes) -> requested;

    /**
     * @param properties        the message's properties, which the diversion may change
     * @param reconsumeTimes    how often the message was consumed before (retries)
     * @param maxReconsumeTimes the limit the client sent with a retry, -1 when it sent none
     * @return where to store the message
     * @throws IllegalArgumentException when the properties ask for something impossible
     */
    Destination divert(Destination requested, Map<String, String> properties, int reconsumeTimes,
            int maxReconsumeTimes) throws IOException;

    /** This diversion, then {@code next} on where this one sends the message. */
    default Diversion andThen(Diversion next) {
        return (requested, properties, reconsumeTimes, maxReconsumeTimes) -> next.divert(
                divert(requested, properties, reconsumeTimes, maxReconsumeTimes), properties, reconsumeTimes,
                maxReconsumeTimes);
    }
}
