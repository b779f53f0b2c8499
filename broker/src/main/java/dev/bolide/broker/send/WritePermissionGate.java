package dev.bolide.broker.send;

import dev.bolide.broker.config.BrokerPermission;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * What a broker whose {@code brokerPermission} lacks the write bit (an operator took it out of the
 * producers' way, at start or at run time) answers to writes, as Apache RocketMQ 4.9.7 does, checked
 * at each request: a message sent back, and a send to an ordered topic, get {@code NO_PERMISSION}
 * "the broker[ip] sending message is forbidden" before anything else is checked; a send to any
 * other topic is taken (producers stop sending there as the routes carry the broker's permission).
 */
public final class WritePermissionGate implements RequestProcessor {
    private final BrokerPermission permission;
    private final TopicConfigTable topics;
    private final String remark;
    private final RequestProcessor writes;

    /**
     * @param brokerIP1 the broker's address, which the answer names
     * @param writes    what answers the requests the permission lets through
     */
    public WritePermissionGate(BrokerPermission permission, TopicConfigTable topics, String brokerIP1,
            RequestProcessor writes) {
        this.permission = permission;
        this.topics = topics;
        this.remark = "the broker[" + brokerIP1 + "] sending message is forbidden";
        this.writes = writes;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws Exception {
        if (!permission.writable() && forbidden(request)) {
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION,
                    remark, null, null));
        }
        return writes.process(channel, request);
    }

    private boolean forbidden(RemotingCommand request) {
        if (request.code() == RequestCode.CONSUMER_SEND_MSG_BACK) {
            return true;
        }
        String topic = request.field(request.code() == RequestCode.SEND_MESSAGE ? "topic" : "b");
        return topic != null && topics.find(topic).map(TopicConfig::order).orElse(false);
    }
}
