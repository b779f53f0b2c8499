package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.client.Subscription;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.MessageStore;
import dev.bolide.store.QueueUnit;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * QUERY_CONSUME_QUEUE (mqadmin {@code queryCq}): a queue's bounds and up to {@code count} of its
 * units from {@code index} (CommitLog offset, size, tags code), in RocketMQ's
 * QueryConsumeQueueResponseBody; with a group, its live subscription of the topic, or that it is not
 * online. Bolide's queues have no extension units, so the extension fields stay empty.
 */
public final class QueryConsumeQueueProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();
    /** A ConsumeQueue file's worth of units at RocketMQ's default size: what one answer may carry. */
    private static final int MAX_COUNT = 300_000;

    private final MessageStore store;
    private final ConsumerGroups groups;

    public QueryConsumeQueueProcessor(MessageStore store, ConsumerGroups groups) {
        this.store = store;
        this.groups = groups;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        String topic = request.requiredField("topic");
        int queueId = request.intField("queueId");
        long index = request.longField("index");
        int count = request.intField("count");
        if (index < 0 || count < 1 || count > MAX_COUNT) {
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "queryCq needs an index of 0 or more and a count from 1 to " + MAX_COUNT + ", not index " + index
                            + " and count " + count, null, null));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean exists;
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            group(json, request.field("consumerGroup"), topic);
            json.writeNumberField("maxQueueIndex", store.maxOffset(topic, queueId));
            json.writeNumberField("minQueueIndex", store.minOffset(topic, queueId));
            json.writeArrayFieldStart("queueData");
            exists = units(json, topic, queueId, index, count);
            json.writeEndArray();
            json.writeEndObject();
        }
        return CompletableFuture.completedFuture(exists
                ? RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, body.toByteArray())
                : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, queueId + "@" + topic
                        + " is not exist!", null, null));
    }

    /** The subscription of a named group, as RocketMQ shows it: its data, or why there is none. */
    private void group(JsonGenerator json, String group, String topic) throws IOException {
        if (group == null) {
            return;
        }
        Optional<Subscription> subscription = groups.subscription(group, topic)
                .filter(found -> groups.info(group).isPresent());
        if (subscription.isEmpty()) {
            json.writeStringField("filterData", group + "@" + topic + " is not online!");
            return;
        }
        json.writeFieldName("subscriptionData");
        ConnectionListProcessor.writeSubscription(json, subscription.get());
    }

    private boolean units(JsonGenerator json, String topic, int queueId, long index, int count) throws IOException {
        Optional<List<QueueUnit>> units = store.queueUnits(topic, queueId, index, count);
        for (QueueUnit unit : units.orElse(List.of())) {
            json.writeStartObject();
            json.writeBooleanField("eval", false);
            json.writeNumberField("physicOffset", unit.physicalOffset());
            json.writeNumberField("physicSize", unit.size());
            json.writeNumberField("tagsCode", unit.tagsCode());
            json.writeEndObject();
        }
        return units.isPresent();
    }
}
