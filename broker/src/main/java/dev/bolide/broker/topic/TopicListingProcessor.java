package dev.bolide.broker.topic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * GET_ALL_TOPIC_CONFIG, the broker's whole topic table with its data version (mqadmin
 * {@code exportMetadata}, {@code exportMetrics}), and GET_SYSTEM_TOPIC_LIST_FROM_BROKER, the
 * {@link SystemTopics} names that the exports leave out.
 */
public final class TopicListingProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final TopicConfigTable topics;
    private final SystemTopics systemTopics;

    public TopicListingProcessor(TopicConfigTable topics, SystemTopics systemTopics) {
        this.topics = topics;
        this.systemTopics = systemTopics;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(body)) {
            if (request.code() == RequestCode.GET_ALL_TOPIC_CONFIG) {
                TopicTableJson.write(json, topics.snapshot());
            } else {
                json.writeStartObject();
                json.writeArrayFieldStart("topicList");
                for (String name : systemTopics.names()) {
                    json.writeString(name);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        }
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                body.toByteArray()));
    }
}
