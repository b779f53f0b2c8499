package dev.bolide.broker.group;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, GET_ALL_SUBSCRIPTIONGROUP_CONFIG and DELETE_SUBSCRIPTIONGROUP
 * (mqadmin {@code updateSubGroup}, {@code deleteSubGroup}).
 */
public final class SubscriptionGroupAdminProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final SubscriptionGroupTable groups;
    private final ConsumerOffsets offsets;

    public SubscriptionGroupAdminProcessor(SubscriptionGroupTable groups, ConsumerOffsets offsets) {
        this.groups = groups;
        this.offsets = offsets;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        RemotingCommand response;
        try {
            response = switch (request.code()) {
                case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP -> update(request);
                case RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG -> RemotingCommand.responseTo(request,
                        ResponseCode.SUCCESS, null, null, groups.serialize().getBytes(StandardCharsets.UTF_8));
                default -> delete(request);
            };
        } catch (IllegalArgumentException e) {
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null);
        }
        return CompletableFuture.completedFuture(response);
    }

    private RemotingCommand update(RemotingCommand request) throws IOException {
        if (request.body() == null) {
            throw new IllegalArgumentException("UPDATE_AND_CREATE_SUBSCRIPTIONGROUP needs a SubscriptionGroupConfig body");
        }
        try (JsonParser json = JSON.createParser(request.body())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the subscription group body is not a JSON object");
            }
            groups.put(SubscriptionGroupJson.read(json, null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the subscription group body is not JSON: " + e.getOriginalMessage(), e);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }

    private RemotingCommand delete(RemotingCommand request) throws IOException {
        String group = request.requiredField("groupName");
        groups.delete(group);
        if (Boolean.parseBoolean(request.field("removeOffset"))) {
            offsets.removeGroup(group);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }
}
