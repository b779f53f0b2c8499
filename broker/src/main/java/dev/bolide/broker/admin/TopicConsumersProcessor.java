package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * QUERY_TOPIC_CONSUME_BY_WHO (mqadmin {@code topicList -c}): the groups that consume a topic, live
 * subscribers and groups with committed offsets alike.
 */
public final class TopicConsumersProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final ConsumerGroups groups;
    private final ConsumerOffsets offsets;

    public TopicConsumersProcessor(ConsumerGroups groups, ConsumerOffsets offsets) {
        this.groups = groups;
        this.offsets = offsets;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        String topic = request.requiredField("topic");
        Set<String> consumers = new TreeSet<>(groups.groupsSubscribing(topic));
        consumers.addAll(offsets.groupsOf(topic));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("groupList");
            for (String group : consumers) {
                json.writeString(group);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                out.toByteArray()));
    }
}
