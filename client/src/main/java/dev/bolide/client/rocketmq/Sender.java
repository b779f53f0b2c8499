package dev.bolide.client.rocketmq;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SEND_MESSAGE_V2 with RocketMQ's failover: queues are taken in turn; when a send gets no answer
 * or a retriable refusal, the topic's route is refreshed and the send is tried on a queue of
 * another broker, up to {@link #ATTEMPTS} times. Sends to a selected queue are not moved (that
 * would break the order the selector exists for).
 */
final class Sender {
    /** RocketMQ's {@code retryTimesWhenSendFailed} (2) plus the first attempt. */
    static final int ATTEMPTS = 3;
    private static final Set<Integer> RETRIABLE = Set.of(RocketMqException.NO_RESPONSE, ResponseCode.SYSTEM_ERROR,
            ResponseCode.SYSTEM_BUSY, ResponseCode.TOPIC_NOT_EXIST);
    private static final Set<Integer> STORED = Set.of(ResponseCode.SUCCESS, ResponseCode.FLUSH_DISK_TIMEOUT,
            ResponseCode.FLUSH_SLAVE_TIMEOUT, ResponseCode.SLAVE_NOT_AVAILABLE);

    private final Routes routes;
    private final Requests requests;
    private final AtomicInteger turn = new AtomicInteger();

    Sender(Routes routes, Requests requests) {
        this.routes = routes;
        this.requests = requests;
    }

    CompletableFuture<SendResult> send(String producerGroup, OutgoingMessage original, QueueSelector selector) {
        OutgoingMessage message = compressed(original);
        Map<String, String> properties = withUniqueId(message);
        return attempt(producerGroup, message, properties, selector, null, selector == null ? ATTEMPTS : 1);
    }

    CompletableFuture<Void> sendOneway(String producerGroup, OutgoingMessage original, QueueSelector selector) {
        OutgoingMessage message = compressed(original);
        Map<String, String> properties = withUniqueId(message);
        return routes.forPublishing(message.topic()).thenCompose(route -> {
            MessageQueue queue = choose(route, message.topic(), selector, null);
            return requests.oneway(route.masterAddress(queue.brokerName()), RequestCode.SEND_MESSAGE_V2,
                    header(producerGroup, message, properties, queue), message.body());
        });
    }

    private CompletableFuture<SendResult> attempt(String producerGroup, OutgoingMessage message,
            Map<String, String> properties, QueueSelector selector, String failedBroker, int attemptsLeft) {
        return routes.forPublishing(message.topic()).thenCompose(route -> {
            MessageQueue queue = choose(route, message.topic(), selector, failedBroker);
            return requests.call(route.masterAddress(queue.brokerName()), RequestCode.SEND_MESSAGE_V2,
                    header(producerGroup, message, properties, queue), message.body())
                    .thenApply(response -> result(response, properties, queue))
                    .exceptionallyCompose(failure -> {
                        RocketMqException cause = RocketMqException.of(failure);
                        if (attemptsLeft <= 1 || !RETRIABLE.contains(cause.responseCode())) {
                            return CompletableFuture.failedFuture(cause);
                        }
                        return routes.refresh(message.topic()).exceptionally(e -> null).thenCompose(refreshed ->
                                attempt(producerGroup, message, properties, selector, queue.brokerName(),
                                        attemptsLeft - 1));
                    });
        });
    }

    /** The selected queue, else the next queue in turn on a reachable broker other than the one that just failed. */
    private MessageQueue choose(TopicRoute route, String topic, QueueSelector selector, String failedBroker) {
        List<MessageQueue> queues = route.writeQueues(topic);
        if (queues.isEmpty()) {
            throw new RocketMqException(ResponseCode.NO_PERMISSION, "topic " + topic + " has no writable queue");
        }
        if (selector != null) {
            return selector.select(queues);
        }
        int start = Math.floorMod(turn.getAndIncrement(), queues.size());
        for (int i = 0; i < queues.size(); i++) {
            MessageQueue queue = queues.get((start + i) % queues.size());
            if (!queue.brokerName().equals(failedBroker)
                    && requests.reachable(route.masterAddress(queue.brokerName()))) {
                return queue;
            }
        }
        return queues.get(start);
    }

    /** Large bodies travel and are stored compressed, as RocketMQ producers send them. */
    private static OutgoingMessage compressed(OutgoingMessage message) {
        if (message.body().length < BodyCompression.THRESHOLD
                || (message.sysFlag() & MessageSysFlag.COMPRESSED) != 0) {
            return message;
        }
        return new OutgoingMessage(message.topic(), BodyCompression.deflate(message.body()), message.flag(),
                message.properties(), message.sysFlag() | MessageSysFlag.COMPRESSED);
    }

    private static Map<String, String> withUniqueId(OutgoingMessage message) {
        Map<String, String> properties = new HashMap<>(message.properties());
        properties.putIfAbsent(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID, UniqueMessageIds.next());
        return properties;
    }

    private static Map<String, String> header(String producerGroup, OutgoingMessage message,
            Map<String, String> properties, MessageQueue queue) {
        Map<String, String> fields = new HashMap<>();
        fields.put("a", producerGroup);
        fields.put("b", message.topic());
        fields.put("c", Routes.DEFAULT_TOPIC);
        fields.put("d", Integer.toString(Routes.AUTO_CREATED_QUEUES));
        fields.put("e", Integer.toString(queue.queueId()));
        fields.put("f", Integer.toString(message.sysFlag()));
        fields.put("g", Long.toString(System.currentTimeMillis()));
        fields.put("h", Integer.toString(message.flag()));
        fields.put("i", MessageProperties.encode(properties));
        fields.put("j", "0");
        fields.put("k", "false");
        fields.put("m", "false");
        fields.put("n", queue.brokerName());
        return fields;
    }

    private static SendResult result(RemotingCommand response, Map<String, String> properties, MessageQueue queue) {
        if (!STORED.contains(response.code())) {
            Requests.expect(response, ResponseCode.SUCCESS);
        }
        return new SendResult(properties.get(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID), response.field("msgId"),
                new MessageQueue(queue.topic(), queue.brokerName(), response.intField("queueId")),
                response.longField("queueOffset"), response.code() == ResponseCode.SUCCESS);
    }
}
