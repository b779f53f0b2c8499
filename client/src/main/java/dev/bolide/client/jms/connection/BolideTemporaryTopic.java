package dev.bolide.client.jms.connection;

import jakarta.jms.TemporaryTopic;

/** A temporary topic, deleted (its topic removed from the brokers) at the latest when its connection closes. */
public final class BolideTemporaryTopic extends TemporaryDestination implements TemporaryTopic {
    BolideTemporaryTopic(String name, BolideConnection owner) {
        super(name, owner);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public String toString() {
        return "temporary topic:" + name();
    }
}
