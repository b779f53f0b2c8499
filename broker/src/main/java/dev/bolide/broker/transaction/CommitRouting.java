package dev.bolide.broker.transaction;

import dev.bolide.store.MessageToStore;
import java.util.Map;

/**
 * Where the message a commit delivers is stored. It enters the broker at the commit as a send
 * would, so a delay level parks it in its schedule queue and a delivery time (the timer
 * properties, such as a Jakarta Messaging delivery delay) in the timer, rather than in its real
 * queue at once, as RocketMQ stores a committed message like a new one.
 */
@FunctionalInterface
public interface CommitRouting {
    /** Every committed message straight to its real queue. */
    CommitRouting DIRECT = (committed, properties) -> committed;

    /**
     * @param properties {@code committed}'s properties, decoded (the router may change this map)
     * @return what to store in place of {@code committed} (itself when nothing delays it)
     */
    MessageToStore route(MessageToStore committed, Map<String, String> properties);
}
