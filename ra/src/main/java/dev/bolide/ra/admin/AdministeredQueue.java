package dev.bolide.ra.admin;

import dev.bolide.client.jms.destination.BolideQueue;
import jakarta.jms.Queue;

/**
 * A queue as a JavaBean, for servers that create administered objects with setters. The client
 * sends to any {@link Queue} by its name, so this bean and a {@link BolideQueue} of the same name
 * are the same queue to it.
 */
public class AdministeredQueue extends AdministeredDestination implements Queue {
    private static final long serialVersionUID = 1L;

    @Override
    public String getQueueName() {
        return getName();
    }

    @Override
    public String toString() {
        return new BolideQueue(getName()).toString();
    }
}
