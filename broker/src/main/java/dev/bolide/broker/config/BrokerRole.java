package dev.bolide.broker.config;

/** RocketMQ's {@code brokerRole}: how a broker takes part in master/slave replication. */
public enum BrokerRole {
    /** A master that answers a send once the message is in its own store. */
    ASYNC_MASTER,
    /** A master that answers a send once a slave also has the message. */
    SYNC_MASTER,
    /** A read-only copy of the master of the same {@code brokerName}. */
    SLAVE
}
