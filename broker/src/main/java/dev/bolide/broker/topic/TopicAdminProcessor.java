package dev.bolide.broker.topic;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * UPDATE_AND_CREATE_TOPIC (mqadmin {@code updateTopic}, the client's {@code createTopic}) and
 * DELETE_TOPIC_IN_BROKER ({@link TopicDeletion}). System topics cannot be created, replaced or
 * deleted this way.
 */
public final class TopicAdminProcessor implements RequestProcessor {
    private final TopicConfigTable topics;
    private final TopicDeletion deletion;

    public TopicAdminProcessor(TopicConfigTable topics, TopicDeletion deletion) {
        this.topics = topics;
        this.deletion = deletion;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        RemotingCommand response;
        try {
            response = request.code() == RequestCode.UPDATE_AND_CREATE_TOPIC ? createOrUpdate(request) : delete(request);
        } catch (IllegalArgumentException e) {
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null);
        }
        return CompletableFuture.completedFuture(response);
    }

    private RemotingCommand createOrUpdate(RemotingCommand request) throws IOException {
        String topic = SystemTopics.checkNotReserved(TopicName.check(request.field("topic")));
        String sysFlag = request.field("topicSysFlag");
        topics.put(new TopicConfig(topic, request.intField("readQueueNums"), request.intField("writeQueueNums"),
                request.intField("perm"), orDefault(request.field("topicFilterType"), TopicConfig.SINGLE_TAG),
                sysFlag == null ? 0 : request.intField("topicSysFlag"), Boolean.parseBoolean(request.field("order"))));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }

    private RemotingCommand delete(RemotingCommand request) throws IOException {
        deletion.delete(request.requiredField("topic"));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
