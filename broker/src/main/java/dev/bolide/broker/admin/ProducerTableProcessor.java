package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.client.ProducerGroups;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_ALL_PRODUCER_INFO (mqadmin {@code producer}): every producer group with its live instances,
 * in RocketMQ's ProducerTableInfo ({@code {"data":{"group":[ProducerInfo...]}}}).
 */
public final class ProducerTableProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final ProducerGroups producers;

    public ProducerTableProcessor(ProducerGroups producers) {
        this.producers = producers;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeObjectFieldStart("data");
            for (Map.Entry<String, List<ProducerGroups.Member>> group : producers.all().entrySet()) {
                json.writeArrayFieldStart(group.getKey());
                for (ProducerGroups.Member member : group.getValue()) {
                    json.writeStartObject();
                    json.writeStringField("clientId", member.client().clientId());
                    json.writeStringField("language", member.client().language().name());
                    json.writeNumberField("lastUpdateTimestamp", member.lastHeartbeatMillis());
                    // RocketMQ writes the channel's address as Netty prints it: "/ip:port"
                    json.writeStringField("remoteIP", String.valueOf(member.client().channel().remoteAddress()));
                    json.writeNumberField("version", member.client().version());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                body.toByteArray()));
    }
}
