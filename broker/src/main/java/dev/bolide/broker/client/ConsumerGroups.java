package dev.bolide.broker.client;

import io.netty.channel.Channel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer groups known from heartbeats: for each group, its member connections, how it
 * consumes (model, starting point) and its subscriptions. A member stays until it unregisters or
 * its connection closes.
 */
public final class ConsumerGroups {
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    /** How a live group consumes, as its latest heartbeat declared. */
    public record GroupInfo(String consumeType, String messageModel, String consumeFromWhere,
            List<ClientConnection> members, Collection<Subscription> subscriptions) {
    }

    /** One group's members and subscriptions. */
    private static final class Group {
        final Map<Channel, ClientConnection> members = new ConcurrentHashMap<>();
        final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
        volatile HeartbeatData.Consumer declared;
    }

    /**
     * Records a heartbeat of {@code client} for a group, replacing the group's subscriptions with
     * the ones it lists.
     *
     * @return whether the membership or the subscriptions changed (the members must then rebalance)
     */
    public boolean register(ClientConnection client, HeartbeatData.Consumer consumer) {
        Group group = groups.computeIfAbsent(consumer.groupName(), name -> new Group());
        group.declared = consumer;
        ClientConnection previous = group.members.put(client.channel(), client);
        boolean joined = previous == null || !previous.clientId().equals(client.clientId());
        boolean changed = false;
        for (Subscription subscription : consumer.subscriptions()) {
            Subscription old = group.subscriptions.get(subscription.topic());
            if (old == null || old.version() < subscription.version()) {
                group.subscriptions.put(subscription.topic(), subscription);
                changed |= old == null || !Objects.equals(old.expression(), subscription.expression());
            }
        }
        List<String> listed = consumer.subscriptions().stream().map(Subscription::topic).toList();
        changed |= group.subscriptions.keySet().retainAll(listed);
        return joined || changed;
    }

    /** Removes the client's connection from the group; returns whether it was a member. */
    public boolean unregister(String groupName, String clientId) {
        Group group = groups.get(groupName);
        return group != null && group.members.values().removeIf(member -> member.clientId().equals(clientId));
    }

    /** Removes a closed connection from every group; returns the groups it left. */
    public List<String> remove(Channel channel) {
        return groups.entrySet().stream().filter(entry -> entry.getValue().members.remove(channel) != null)
                .map(Map.Entry::getKey).toList();
    }

    /** Client ids of the group's live members, sorted as clients sort them for rebalancing. */
    public List<String> consumerIds(String groupName) {
        Group group = groups.get(groupName);
        return group == null ? List.of()
                : group.members.values().stream().map(ClientConnection::clientId).distinct().sorted().toList();
    }

    public List<Channel> channels(String groupName) {
        Group group = groups.get(groupName);
        return group == null ? List.of() : List.copyOf(group.members.keySet());
    }

    public Optional<Subscription> subscription(String groupName, String topic) {
        Group group = groups.get(groupName);
        return group == null ? Optional.empty() : Optional.ofNullable(group.subscriptions.get(topic));
    }

    /**
     * Whether the live group subscribes other topics but not this one (RocketMQ's test for a topic
     * a group has left: its offsets there are skipped by statistics and clones).
     */
    public boolean leftTopic(String groupName, String topic) {
        Group group = groups.get(groupName);
        return group != null && !group.members.isEmpty() && !group.subscriptions.isEmpty()
                && !group.subscriptions.containsKey(topic);
    }

    /** The group while it has live members. */
    public Optional<GroupInfo> info(String groupName) {
        Group group = groups.get(groupName);
        if (group == null || group.members.isEmpty()) {
            return Optional.empty();
        }
        HeartbeatData.Consumer declared = group.declared;
        return Optional.of(new GroupInfo(declared.consumeType(), declared.messageModel(), declared.consumeFromWhere(),
                List.copyOf(group.members.values()), List.copyOf(group.subscriptions.values())));
    }

    /** Names of the groups with live members, sorted. */
    public List<String> liveGroups() {
        return groups.entrySet().stream().filter(entry -> !entry.getValue().members.isEmpty())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Names of the live groups subscribing {@code topic}. */
    public List<String> groupsSubscribing(String topic) {
        return groups.entrySet().stream()
                .filter(entry -> !entry.getValue().members.isEmpty()
                        && entry.getValue().subscriptions.containsKey(topic))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
