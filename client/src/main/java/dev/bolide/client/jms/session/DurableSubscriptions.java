package dev.bolide.client.jms.session;

import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Unsubscribing: a durable subscription is its consumer group, which every broker may know; it is
 * deleted (DELETE_SUBSCRIPTIONGROUP) from each broker whose group table lists it.
 */
final class DurableSubscriptions {
    private final RocketMqClient client;

    DurableSubscriptions(RocketMqClient client) {
        this.client = client;
    }

    void delete(String group, String name) throws JMSException {
        boolean found = false;
        try {
            for (String broker : client.brokerMasters()) {
                if (knows(broker, group)) {
                    found = true;
                    RemotingCommand answer = client.request(broker, RequestCode.DELETE_SUBSCRIPTIONGROUP,
                            Map.of("groupName", group), null).join();
                    if (answer.code() != ResponseCode.SUCCESS) {
                        throw new JMSException("broker " + broker + " refused to delete subscription " + name
                                + ": " + answer.remark());
                    }
                }
            }
        } catch (RocketMqException e) {
            throw JmsFailure.of("cannot unsubscribe " + name, e);
        }
        if (!found) {
            throw new InvalidDestinationException("no durable subscription named " + name);
        }
    }

    private boolean knows(String broker, String group) {
        RemotingCommand answer = client.request(broker, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, Map.of(), null)
                .join();
        return answer.code() == ResponseCode.SUCCESS && answer.body() != null
                && new String(answer.body(), StandardCharsets.UTF_8).contains("\"" + group + "\"");
    }
}
