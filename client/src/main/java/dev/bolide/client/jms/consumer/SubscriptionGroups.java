package dev.bolide.client.jms.consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The consumer groups of the brokers' group tables (GET_ALL_SUBSCRIPTIONGROUP_CONFIG), their live
 * members, and their removal with their offsets (DELETE_SUBSCRIPTIONGROUP): what unsubscribing a
 * durable subscription does, and what closing a non-durable subscriber does with its temporary group.
 */
public final class SubscriptionGroups {
    /** Apache RocketMQ writes its answers with fastjson, which may leave field names unquoted. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();

    private final RocketMqClient client;

    public SubscriptionGroups(RocketMqClient client) {
        this.client = client;
    }

    /**
     * Removes the group and its consumer offsets from every broker whose group table lists it.
     *
     * @return false when no broker knew the group
     * @throws RocketMqException when a broker cannot be asked or refuses
     */
    public boolean delete(String group) {
        boolean found = false;
        for (String broker : client.brokerMasters()) {
            if (groupsOf(broker).contains(group)) {
                found = true;
                RemotingCommand answer = client.request(broker, RequestCode.DELETE_SUBSCRIPTIONGROUP,
                        Map.of("groupName", group, "removeOffset", "true"), null).join();
                if (answer.code() != ResponseCode.SUCCESS) {
                    throw new RocketMqException(answer.code(), "broker " + broker
                            + " refused to delete consumer group " + group + ": " + answer.remark());
                }
            }
        }
        return found;
    }

    /** The groups {@code filter} accepts among those of every broker of the cluster. */
    public Set<String> find(Predicate<String> filter) {
        Set<String> found = new HashSet<>();
        for (String broker : client.brokerMasters()) {
            groupsOf(broker).stream().filter(filter).forEach(found::add);
        }
        return found;
    }

    /** Whether a broker of the cluster knows a live member of the group. */
    public boolean hasMembers(String group) {
        return client.brokerMasters().stream().anyMatch(broker -> !client.consumerIdsAt(broker, group).isEmpty());
    }

    /** The names in the broker's {@code subscriptionGroupTable}. */
    private Set<String> groupsOf(String broker) {
        RemotingCommand answer = client.request(broker, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, Map.of(), null)
                .join();
        Set<String> groups = new HashSet<>();
        if (answer.code() != ResponseCode.SUCCESS || answer.body() == null) {
            return groups;
        }
        try (JsonParser json = JSON.createParser(answer.body())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return groups;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                boolean table = json.currentName().equals("subscriptionGroupTable");
                json.nextToken();
                if (table && json.currentToken() == JsonToken.START_OBJECT) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        groups.add(json.currentName());
                        json.nextToken();
                        json.skipChildren();
                    }
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new RocketMqException("broker " + broker + " listed its consumer groups in no JSON", e);
        }
        return groups;
    }
}
