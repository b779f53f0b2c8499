package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.client.ClientConnection;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.client.ProducerGroups;
import dev.bolide.broker.client.Subscription;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * GET_CONSUMER_CONNECTION_LIST and GET_PRODUCER_CONNECTION_LIST (mqadmin {@code consumerConnection},
 * {@code producerConnection}): the live members of a group, and for a consumer group how it
 * consumes and what it subscribes.
 */
public final class ConnectionListProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final ConsumerGroups consumers;
    private final ProducerGroups producers;

    public ConnectionListProcessor(ConsumerGroups consumers, ProducerGroups producers) {
        this.consumers = consumers;
        this.producers = producers;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        RemotingCommand response = request.code() == RequestCode.GET_CONSUMER_CONNECTION_LIST
                ? consumerConnections(request) : producerConnections(request);
        return CompletableFuture.completedFuture(response);
    }

    private RemotingCommand consumerConnections(RemotingCommand request) throws IOException {
        String group = request.requiredField("consumerGroup");
        Optional<ConsumerGroups.GroupInfo> info = consumers.info(group);
        if (info.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.CONSUMER_NOT_ONLINE,
                    "the consumer group[" + group + "] not online", null, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            writeConnections(json, info.get().members());
            json.writeStringField("consumeFromWhere", info.get().consumeFromWhere());
            json.writeStringField("consumeType", info.get().consumeType());
            json.writeStringField("messageModel", info.get().messageModel());
            json.writeObjectFieldStart("subscriptionTable");
            for (Subscription subscription : info.get().subscriptions()) {
                json.writeFieldName(subscription.topic());
                writeSubscription(json, subscription);
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, out.toByteArray());
    }

    private RemotingCommand producerConnections(RemotingCommand request) throws IOException {
        String group = request.requiredField("producerGroup");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            writeConnections(json, producers.members(group));
            json.writeEndObject();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, out.toByteArray());
    }

    private static void writeConnections(JsonGenerator json, List<ClientConnection> members) throws IOException {
        json.writeArrayFieldStart("connectionSet");
        for (ClientConnection member : members) {
            json.writeStartObject();
            json.writeStringField("clientAddr", member.clientAddress());
            json.writeStringField("clientId", member.clientId());
            json.writeStringField("language", member.language().name());
            json.writeNumberField("version", member.version());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** RocketMQ's SubscriptionData, with the tag hashes clients compute. */
    static void writeSubscription(JsonGenerator json, Subscription subscription) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("classFilterMode", false);
        json.writeArrayFieldStart("codeSet");
        for (String tag : subscription.tags()) {
            json.writeNumber(tag.hashCode());
        }
        json.writeEndArray();
        json.writeStringField("expressionType", subscription.expressionType());
        json.writeStringField("subString", subscription.expression());
        json.writeNumberField("subVersion", subscription.version());
        json.writeArrayFieldStart("tagsSet");
        for (String tag : subscription.tags()) {
            json.writeString(tag);
        }
        json.writeEndArray();
        json.writeStringField("topic", subscription.topic());
        json.writeEndObject();
    }
}
