package dev.bolide.client.rocketmq;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A group's committed offsets and a queue's extent, kept by the master of the queue's broker. */
final class Offsets {
    /** What {@link #committed} answers when the group committed nothing for the queue. */
    static final long NONE = -1;

    private final Routes routes;
    private final Requests requests;

    Offsets(Routes routes, Requests requests) {
        this.routes = routes;
        this.requests = requests;
    }

    CompletableFuture<Long> committed(String group, MessageQueue queue) {
        return call(queue, RequestCode.QUERY_CONSUMER_OFFSET, fields(queue, "consumerGroup", group))
                .thenApply(response -> response.code() == ResponseCode.QUERY_NOT_FOUND ? NONE
                        : Requests.expect(response, ResponseCode.SUCCESS).longField("offset"));
    }

    /** Stores {@code offset} (the next one to consume) as the group's position in the queue. */
    CompletableFuture<Void> commit(String group, MessageQueue queue, long offset) {
        Map<String, String> fields = new HashMap<>(fields(queue, "consumerGroup", group));
        fields.put("commitOffset", Long.toString(offset));
        return call(queue, RequestCode.UPDATE_CONSUMER_OFFSET, fields)
                .thenAccept(response -> Requests.expect(response, ResponseCode.SUCCESS));
    }

    /** The queue's next offset to be written. */
    CompletableFuture<Long> max(MessageQueue queue) {
        return call(queue, RequestCode.GET_MAX_OFFSET, fields(queue, "bname", queue.brokerName()))
                .thenApply(response -> Requests.expect(response, ResponseCode.SUCCESS).longField("offset"));
    }

    private CompletableFuture<RemotingCommand> call(MessageQueue queue, int code, Map<String, String> fields) {
        return routes.master(queue).thenCompose(address -> requests.call(address, code, fields, null));
    }

    private static Map<String, String> fields(MessageQueue queue, String name, String value) {
        return Map.of("topic", queue.topic(), "queueId", Integer.toString(queue.queueId()), name, value);
    }
}
