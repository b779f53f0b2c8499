package dev.bolide.broker.client;

import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The producer groups known from heartbeats and their member connections: who to list for
 * GET_PRODUCER_CONNECTION_LIST and GET_ALL_PRODUCER_INFO, and whom to ask when a transaction needs
 * checking back.
 */
public final class ProducerGroups {
    /** A member connection and when its last heartbeat came. */
    public record Member(ClientConnection client, long lastHeartbeatMillis) {
    }

    private final Map<String, Map<Channel, Member>> groups = new ConcurrentHashMap<>();

    /** Records a heartbeat of {@code client} for the group. */
    public void register(String groupName, ClientConnection client) {
        groups.computeIfAbsent(groupName, name -> new ConcurrentHashMap<>()).put(client.channel(),
                new Member(client, System.currentTimeMillis()));
    }

    /** Removes the client's connections from the group. */
    public void unregister(String groupName, String clientId) {
        Map<Channel, Member> members = groups.get(groupName);
        if (members != null) {
            members.values().removeIf(member -> member.client().clientId().equals(clientId));
        }
    }

    /** Removes a closed connection from every group. */
    public void remove(Channel channel) {
        groups.values().forEach(members -> members.remove(channel));
    }

    public List<ClientConnection> members(String groupName) {
        Map<Channel, Member> members = groups.get(groupName);
        return members == null ? List.of() : members.values().stream().map(Member::client).toList();
    }

    /** Every group that has members, with them, by name. */
    public Map<String, List<Member>> all() {
        Map<String, List<Member>> all = new TreeMap<>();
        groups.forEach((name, members) -> {
            if (!members.isEmpty()) {
                all.put(name, List.copyOf(members.values()));
            }
        });
        return all;
    }
}
