package dev.bolide.client.rocketmq;

import dev.bolide.protocol.message.BatchBody;
import dev.bolide.protocol.message.BodyCompression;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SEND_MESSAGE_V2 (and SEND_BATCH_MESSAGE) with RocketMQ's failover: queues are taken in turn; when a
 * send gets no answer or a retriable refusal, the topic's route is refreshed and the send is tried on a
 * queue of another broker, up to {@link #ATTEMPTS} times (a half message not after a late answer: see
 * {@link #timedOut}). Sends to a selected queue are not moved (that would break the order the selector
 * exists for), unless the selector {@linkplain QueueSelector#mayMove() may move}: then the selected
 * queue is where they start, and the selector is told where they went.
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
        return attempt(message.topic(), selector, null, attempts(selector), half(message), (address, queue) ->
                requests.call(address, RequestCode.SEND_MESSAGE_V2, header(producerGroup, message, properties, queue),
                        message.body()).thenApply(response -> result(response, properties, queue)));
    }

    /**
     * SEND_BATCH_MESSAGE: the messages, all of one topic, go to one queue in one request and one
     * append, as RocketMQ's batches; a result per message, in order. Bodies travel uncompressed
     * (a batch has one sysFlag for all its items).
     *
     * @param batch what the batch's own header carries for every item: its properties and sysFlag
     * @throws IllegalArgumentException when the messages are not all of the batch's topic
     */
    CompletableFuture<List<SendResult>> sendBatch(String producerGroup, OutgoingMessage batch,
            List<OutgoingMessage> messages, QueueSelector selector) {
        List<Map<String, String>> properties = new ArrayList<>(messages.size());
        List<BatchBody.Item> items = new ArrayList<>(messages.size());
        for (OutgoingMessage message : messages) {
            if (!message.topic().equals(batch.topic())) {
                throw new IllegalArgumentException("a batch goes to one topic: " + batch.topic() + ", not "
                        + message.topic());
            }
            Map<String, String> withId = withUniqueId(message);
            properties.add(withId);
            items.add(new BatchBody.Item(message.flag(), message.body(), MessageProperties.encode(withId)));
        }
        byte[] body = BatchBody.encode(items);
        return attempt(batch.topic(), selector, null, attempts(selector), half(batch), (address, queue) -> {
            Map<String, String> fields = header(producerGroup, batch, batch.properties(), queue);
            fields.put("m", "true");
            return requests.call(address, RequestCode.SEND_BATCH_MESSAGE, fields, body)
                    .thenApply(response -> results(response, properties, queue));
        });
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

    /** A request to one queue's broker, made again on another broker when the answer allows it. */
    @FunctionalInterface
    private interface SendTo<T> {
        CompletableFuture<T> send(String brokerAddress, MessageQueue queue);
    }

    /** @param half whether a half message is sent, which a send that timed out must not repeat */
    private <T> CompletableFuture<T> attempt(String topic, QueueSelector selector, String failedBroker,
            int attemptsLeft, boolean half, SendTo<T> sendTo) {
        return routes.forPublishing(topic).thenCompose(route -> {
            MessageQueue queue = choose(route, topic, selector, failedBroker);
            return sendTo.send(route.masterAddress(queue.brokerName()), queue)
                    .exceptionallyCompose(failure -> {
                        RocketMqException cause = RocketMqException.of(failure);
                        if (attemptsLeft <= 1 || !RETRIABLE.contains(cause.responseCode())
                                || half && timedOut(cause)) {
                            return CompletableFuture.failedFuture(cause);
                        }
                        return routes.refresh(topic).exceptionally(e -> null).thenCompose(refreshed ->
                                attempt(topic, selector, queue.brokerName(), attemptsLeft - 1, half, sendTo));
                    });
        });
    }

    private static boolean half(OutgoingMessage message) {
        return MessageSysFlag.transactionType(message.sysFlag()) == MessageSysFlag.TRANSACTION_PREPARED_TYPE;
    }

    /**
     * Whether the request went out and no answer came in time: the broker may have stored the
     * message. An ordinary message goes again all the same (at least once, as RocketMQ's producer);
     * a half message does not: a second copy would be one more message of its transaction,
     * committed with it (two sends of a local transaction were browsed as ["one", "two", "two", "one"]).
     */
    private static boolean timedOut(RocketMqException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static int attempts(QueueSelector selector) {
        return selector == null || selector.mayMove() ? ATTEMPTS : 1;
    }

    /**
     * The selected queue when the selector may not move, else the selected one or the next queue in
     * turn, or, when its broker just failed or is unreachable, the first after it on another broker.
     */
    private MessageQueue choose(TopicRoute route, String topic, QueueSelector selector, String failedBroker) {
        List<MessageQueue> queues = route.writeQueues(topic);
        if (queues.isEmpty()) {
            throw new RocketMqException(ResponseCode.NO_PERMISSION, "topic " + topic + " has no writable queue");
        }
        if (selector != null && !selector.mayMove()) {
            return selector.select(queues);
        }
        int start = selector == null ? Math.floorMod(turn.getAndIncrement(), queues.size())
                : Math.max(0, queues.indexOf(selector.select(queues)));
        for (int i = 0; i < queues.size(); i++) {
            MessageQueue queue = queues.get((start + i) % queues.size());
            if (!queue.brokerName().equals(failedBroker)
                    && requests.reachable(route.masterAddress(queue.brokerName()))) {
                if (selector != null && i > 0) {
                    selector.moved(queue);
                }
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

    /** The answer to a batch: offset message ids comma-separated, the first item's queue offset. */
    private static List<SendResult> results(RemotingCommand response, List<Map<String, String>> properties,
            MessageQueue queue) {
        SendResult first = result(response, properties.get(0), queue);
        String[] offsetIds = first.offsetMsgId().split(",");
        List<SendResult> results = new ArrayList<>(properties.size());
        for (int i = 0; i < properties.size(); i++) {
            results.add(new SendResult(properties.get(i).get(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID),
                    i < offsetIds.length ? offsetIds[i] : null, first.queue(), first.queueOffset() + i,
                    first.durable()));
        }
        return results;
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
