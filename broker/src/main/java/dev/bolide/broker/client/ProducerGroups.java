package dev.bolide.broker.client;

import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The producer groups known from heartbeats and their member connections: who to list for
 * GET_PRODUCER_CONNECTION_LIST, and whom to ask when a transaction needs checking back.
 */
public final class ProducerGroups {
    private final Map<String, Map<Channel, ClientConnection>> groups = new ConcurrentHashMap<>();

    public void register(String groupName, ClientConnection client) {
        groups.computeIfAbsent(groupName, name -> new ConcurrentHashMap<>()).put(client.channel(), client);
    }

    /** Removes the client's connections from the group. */
    public void unregister(String groupName, String clientId) {
        Map<Channel, ClientConnection> members = groups.get(groupName);
        if (members != null) {
            members.values().removeIf(member -> member.clientId().equals(clientId));
        }
    }

    /** Removes a closed connection from every group. */
    public void remove(Channel channel) {
        groups.values().forEach(members -> members.remove(channel));
    }

    public List<ClientConnection> members(String groupName) {
        Map<Channel, ClientConnection> members = groups.get(groupName);
        return members == null ? List.of() : List.copyOf(members.values());
    }
}
