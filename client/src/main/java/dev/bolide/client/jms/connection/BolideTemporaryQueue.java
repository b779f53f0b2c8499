package dev.bolide.client.jms.connection;

import jakarta.jms.TemporaryQueue;

/** A temporary queue, deleted (its topic removed from the brokers) at the latest when its connection closes. */
public final class BolideTemporaryQueue extends TemporaryDestination implements TemporaryQueue {
    BolideTemporaryQueue(String name, BolideConnection owner) {
        super(name, owner);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public String toString() {
        return "temporary queue:" + name();
    }
}
