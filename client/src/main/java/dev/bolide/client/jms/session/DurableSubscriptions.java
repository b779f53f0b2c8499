package dev.bolide.client.jms.session;

import dev.bolide.client.jms.consumer.GroupNames;
import dev.bolide.client.jms.consumer.SubscriptionGroups;
import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.ResponseCode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Durable subscriptions as the brokers hold them: the consumer groups of their definitions
 * ({@link GroupNames#definition}). Creating a subscription with another topic, selector or noLocal
 * than it has replaces it, which is unsubscribing and subscribing anew (Jakarta Messaging 3.1, 8.3),
 * unless it has an active consumer; unsubscribing removes its groups with their offsets, so that a
 * subscription of the same name starts empty. A new subscription starts at the end of its topic.
 */
final class DurableSubscriptions {
    private final RocketMqClient client;
    private final SubscriptionGroups groups;
    private final Predicate<String> consumedHere;

    /** @param consumedHere whether a consumer of this connection reads the group */
    DurableSubscriptions(RocketMqClient client, Predicate<String> consumedHere) {
        this.client = client;
        this.groups = new SubscriptionGroups(client);
        this.consumedHere = consumedHere;
    }

    /**
     * Makes {@code definitionGroup} the subscription's group before it is consumed: removes the
     * groups of the subscription's other definitions and, when the definition is new, commits its
     * offsets at the end of the topic's queues, so that it gets only what is sent from now on (a broker
     * answers offset 0 for an unknown group on a young queue, which would replay the queue).
     *
     * @throws IllegalStateException when another definition has an active consumer
     */
    void subscribe(String name, String subscriptionGroup, String definitionGroup, String topic) throws JMSException {
        Set<String> others = find(name, List.of(subscriptionGroup));
        boolean exists = others.remove(definitionGroup);
        checkInactive(name, others, "cannot change the topic, selector or noLocal of durable subscription ");
        delete(name, others);
        if (!exists) {
            startAtTheEnd(name, definitionGroup, topic);
        }
    }

    private void startAtTheEnd(String name, String group, String topic) throws JMSException {
        try {
            for (MessageQueue queue : readQueuesOrNone(topic)) {
                client.commitOffset(group, queue, client.maxOffset(queue));
            }
        } catch (RocketMqException e) {
            throw JmsFailure.of("cannot start durable subscription " + name, e);
        }
    }

    /** A topic nothing was sent to yet has no queues: every message it gets comes after the subscription. */
    private List<MessageQueue> readQueuesOrNone(String topic) {
        try {
            return client.readQueues(topic);
        } catch (RocketMqException e) {
            if (e.responseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * Removes every group of the subscription, whose name's group is one of {@code subscriptionGroups}.
     *
     * @throws InvalidDestinationException when there is none
     * @throws IllegalStateException when one of them has an active consumer
     */
    void unsubscribe(String name, Collection<String> subscriptionGroups) throws JMSException {
        Set<String> found = find(name, subscriptionGroups);
        if (found.isEmpty()) {
            throw new InvalidDestinationException("no durable subscription named " + name);
        }
        checkInactive(name, found, "cannot unsubscribe durable subscription ");
        delete(name, found);
    }

    private Set<String> find(String name, Collection<String> subscriptionGroups) throws JMSException {
        try {
            return groups.find(group -> subscriptionGroups.stream()
                    .anyMatch(subscription -> GroupNames.ofSubscription(group, subscription)));
        } catch (RocketMqException e) {
            throw JmsFailure.of("cannot look up durable subscription " + name, e);
        }
    }

    private void checkInactive(String name, Collection<String> definitionGroups, String refusal)
            throws JMSException {
        for (String group : definitionGroups) {
            boolean active;
            try {
                active = consumedHere.test(group) || groups.hasMembers(group);
            } catch (RocketMqException e) {
                throw JmsFailure.of("cannot tell whether durable subscription " + name + " has an active consumer",
                        e);
            }
            if (active) {
                throw new IllegalStateException(refusal + name + ": it has an active consumer");
            }
        }
    }

    private void delete(String name, Collection<String> definitionGroups) throws JMSException {
        try {
            definitionGroups.forEach(groups::delete);
        } catch (RocketMqException e) {
            throw JmsFailure.of("cannot remove durable subscription " + name, e);
        }
    }
}
