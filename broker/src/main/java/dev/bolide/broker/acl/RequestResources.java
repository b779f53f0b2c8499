package dev.bolide.broker.acl;

import dev.bolide.broker.client.HeartbeatData;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resources a request touches and the permission it needs on each, derived per request code
 * as RocketMQ 4.9's {@code PlainAccessValidator.parse} derives them: topics by name, groups by
 * their retry topic. A send to a retry topic needs SUB on the sending group (a consumer sending a
 * message back), not PUB. Codes not listed touch no resource; only their signature (and, for
 * admin requests, the account's admin flag) is checked.
 *
 * <p>Two differences, both holes in RocketMQ 4.9: it checks nothing for SEND_BATCH_MESSAGE, so any
 * account could publish to any topic in batches, and for a SEND_MESSAGE to a retry topic it reads a
 * {@code group} field the header does not have, so any account could put messages into any group's
 * retries. Bolide checks a batch as SEND_MESSAGE_V2, whose header it shares, and the retry send
 * against the header's {@code producerGroup}, as V2's.
 */
final class RequestResources {
    private RequestResources() {
    }

    /** @throws RuntimeException for a request whose header or body cannot be read (it is refused) */
    static Map<String, Byte> of(RemotingCommand request) {
        Map<String, Byte> needed = new LinkedHashMap<>();
        switch (request.code()) {
            case RequestCode.SEND_MESSAGE -> send(request.field("topic"), request.field("producerGroup"), needed);
            case RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE ->
                    send(request.field("b"), request.field("a"), needed);
            case RequestCode.CONSUMER_SEND_MSG_BACK -> group(request.field("group"), needed);
            case RequestCode.PULL_MESSAGE -> {
                topic(request.field("topic"), Permission.SUB, needed);
                group(request.field("consumerGroup"), needed);
            }
            case RequestCode.QUERY_MESSAGE -> topic(request.field("topic"), Permission.SUB, needed);
            case RequestCode.HEART_BEAT -> heartbeat(request, needed);
            case RequestCode.UNREGISTER_CLIENT, RequestCode.GET_CONSUMER_LIST_BY_GROUP ->
                    group(request.field("consumerGroup"), needed);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> {
                group(request.field("consumerGroup"), needed);
                topic(request.field("topic"), Permission.SUB, needed);
            }
            default -> {
                // no resource: see the class comment
            }
        }
        return needed;
    }

    private static void send(String topic, String group, Map<String, Byte> needed) {
        if (topic != null && Resources.isGroup(topic)) {
            group(group, needed);
        } else {
            topic(topic, Permission.PUB, needed);
        }
    }

    private static void heartbeat(RemotingCommand request, Map<String, Byte> needed) {
        for (HeartbeatData.Consumer consumer : HeartbeatData.parse(request.body()).consumers()) {
            group(consumer.groupName(), needed);
            consumer.subscriptions().forEach(subscription -> topic(subscription.topic(), Permission.SUB, needed));
        }
    }

    /** A missing name is no resource, as in RocketMQ. */
    private static void topic(String topic, byte permission, Map<String, Byte> needed) {
        if (topic != null) {
            needed.put(topic, permission);
        }
    }

    private static void group(String group, Map<String, Byte> needed) {
        if (group != null) {
            needed.put(Resources.group(group), Permission.SUB);
        }
    }
}
