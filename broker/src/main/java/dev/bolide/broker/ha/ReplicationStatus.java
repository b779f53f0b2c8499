package dev.bolide.broker.ha;

/** How a send stands with the slaves, for the send's answer. */
public enum ReplicationStatus {
    /** A slave has the message (or the broker does not wait for slaves). */
    REPLICATED,
    /** No slave is connected, or the best one is too far behind to wait for: answered at once. */
    SLAVE_NOT_AVAILABLE,
    /** No slave acknowledged the message within {@code slaveTimeout}. */
    FLUSH_SLAVE_TIMEOUT
}
