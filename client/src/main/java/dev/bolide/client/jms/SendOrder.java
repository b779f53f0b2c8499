package dev.bolide.client.jms;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a session's messages to one destination are spread over the destination's RocketMQ queues,
 * the connection factory's {@code sendOrder}: the order a consumer receives them in against how many
 * consumers of a group share them (a group's members divide the queues among themselves).
 */
public enum SendOrder {
    /**
     * Each session keeps to one queue per destination, moving only when a send to it fails: a consumer
     * receives one session's messages in the order they were sent, as Jakarta Messaging 3.1 (6.2.9.1)
     * requires, and only the group member that holds that queue receives them.
     */
    PER_SESSION,
    /**
     * A session's sends take the destination's queues in turn, as RocketMQ's producers do: one session
     * feeds every member of a group (competing consumers of a queue or a shared subscription, an
     * MDB on several servers), and two of its messages may arrive out of order.
     */
    SPREAD;

    /** What Jakarta Messaging requires. */
    public static final SendOrder DEFAULT = PER_SESSION;

    /** The value named by {@code text}, in any case; anything else is refused, naming the values. */
    public static SendOrder of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sendOrder must be one of " + Arrays.toString(values()) + ", not '"
                    + text + "'");
        }
    }
}
