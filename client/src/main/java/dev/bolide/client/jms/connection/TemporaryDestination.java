package dev.bolide.client.jms.connection;

import jakarta.jms.JMSException;

/** A temporary queue or topic: a RocketMQ topic of its own, consumed only by the connection that created it. */
abstract class TemporaryDestination {
    private final String name;
    private final transient BolideConnection owner;

    TemporaryDestination(String name, BolideConnection owner) {
        this.name = name;
        this.owner = owner;
    }

    final String name() {
        return name;
    }

    /** Deletes the topic on its brokers; refused while a consumer of this connection reads it. */
    public final void delete() throws JMSException {
        owner.deleteTemporary(name);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((TemporaryDestination) other).name.equals(name);
    }

    @Override
    public final int hashCode() {
        return name.hashCode();
    }
}
