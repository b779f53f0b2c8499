package dev.bolide.ra.admin;

import dev.bolide.client.jms.destination.BolideTopic;
import jakarta.jms.Topic;

/**
 * A topic as a JavaBean, for servers that create administered objects with setters. The client
 * publishes to any {@link Topic} by its name, so this bean and a {@link BolideTopic} of the same
 * name are the same topic to it.
 */
public class AdministeredTopic extends AdministeredDestination implements Topic {
    private static final long serialVersionUID = 1L;

    @Override
    public String getTopicName() {
        return getName();
    }

    @Override
    public String toString() {
        return new BolideTopic(getName()).toString();
    }
}
