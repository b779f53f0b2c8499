package dev.bolide.client.jms.consumer;

import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Removing a consumer group from the brokers (DELETE_SUBSCRIPTIONGROUP on each broker whose group
 * table lists it): what unsubscribing a durable subscription does, and what closing a non-durable
 * subscriber does with its temporary group.
 */
public final class SubscriptionGroups {
    private final RocketMqClient client;

    public SubscriptionGroups(RocketMqClient client) {
        this.client = client;
    }

    /**
     * @return false when no broker knew the group
     * @throws RocketMqException when a broker cannot be asked or refuses
     */
    public boolean delete(String group) {
        boolean found = false;
        for (String broker : client.brokerMasters()) {
            if (knows(broker, group)) {
                found = true;
                RemotingCommand answer = client.request(broker, RequestCode.DELETE_SUBSCRIPTIONGROUP,
                        Map.of("groupName", group), null).join();
                if (answer.code() != ResponseCode.SUCCESS) {
                    throw new RocketMqException(answer.code(), "broker " + broker
                            + " refused to delete consumer group " + group + ": " + answer.remark());
                }
            }
        }
        return found;
    }

    private boolean knows(String broker, String group) {
        RemotingCommand answer = client.request(broker, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, Map.of(), null)
                .join();
        return answer.code() == ResponseCode.SUCCESS && answer.body() != null
                && new String(answer.body(), StandardCharsets.UTF_8).contains("\"" + group + "\"");
    }
}
