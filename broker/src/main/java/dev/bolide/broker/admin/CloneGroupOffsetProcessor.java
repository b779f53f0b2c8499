package dev.bolide.broker.admin;

import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * CLONE_GROUP_OFFSET (mqadmin {@code cloneGroupOffset}): the destination group gets the source
 * group's committed offsets on the topic (every topic it committed on when none is named), as in
 * RocketMQ: topics the broker does not have are skipped, and unless {@code offline} so are topics
 * a live source group no longer subscribes.
 */
public final class CloneGroupOffsetProcessor implements RequestProcessor {
    private final TopicConfigTable topics;
    private final ConsumerOffsets offsets;
    private final ConsumerGroups groups;

    public CloneGroupOffsetProcessor(TopicConfigTable topics, ConsumerOffsets offsets, ConsumerGroups groups) {
        this.topics = topics;
        this.offsets = offsets;
        this.groups = groups;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        String source = request.requiredField("srcGroup");
        String destination = request.requiredField("destGroup");
        String topic = request.field("topic");
        boolean offline = Boolean.parseBoolean(request.field("offline"));
        for (String cloned : topic == null || topic.isBlank() ? offsets.topicsOf(source) : Set.of(topic)) {
            if (topics.find(cloned).isPresent() && (offline || !groups.leftTopic(source, cloned))) {
                offsets.copy(source, destination, cloned);
            }
        }
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                null));
    }
}
