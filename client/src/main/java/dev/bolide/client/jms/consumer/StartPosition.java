package dev.bolide.client.jms.consumer;

/** Where a group member starts in a queue it has just been allocated. */
public enum StartPosition {
    /** A queue's group: the committed offset, else the beginning (what was sent before any consumer). */
    COMMITTED_OR_FIRST,
    /** A durable subscription: the committed offset, else the end as it was when the subscription began. */
    COMMITTED_OR_LAST,
    /**
     * A non-durable subscription: the end, whatever the broker says of the group (a broker answers 0 for
     * an unknown group on a young queue, which would replay the queue).
     */
    LAST
}
