package dev.bolide.broker.admin;

import dev.bolide.broker.client.ClientConnection;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * INVOKE_BROKER_TO_RESET_OFFSET (mqadmin {@code resetOffsetByTime}, {@code skipAccumulatedMessage}),
 * as RocketMQ 4.9's {@code Broker2Client.resetOffset}: per write queue, the offset of the first
 * message stored at or after the timestamp (timestamp -1: the queue's end), kept only where it is
 * behind the group's committed offset unless forced; the table goes to every live member of the
 * group in RESET_CONSUMER_CLIENT_OFFSET, and the client moves there and consumes again. With no
 * live member the answer is CONSUMER_NOT_ONLINE: mqadmin then rewrites the stored offsets itself
 * (UPDATE_CONSUMER_OFFSET), as it does against RocketMQ.
 */
public final class ResetOffsetProcessor implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(ResetOffsetProcessor.class.getName());
    /** {@code resetOffsetByTime -s now} style: the end of each queue. */
    private static final long QUEUE_END = -1;

    private final TopicConfigTable topics;
    private final ConsumerOffsets offsets;
    private final ConsumerGroups groups;
    private final MessageStore store;
    private final String brokerName;
    private final AtomicInteger opaques = new AtomicInteger();

    public ResetOffsetProcessor(TopicConfigTable topics, ConsumerOffsets offsets, ConsumerGroups groups,
            MessageStore store, String brokerName) {
        this.topics = topics;
        this.offsets = offsets;
        this.groups = groups;
        this.store = store;
        this.brokerName = brokerName;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        String topic = request.requiredField("topic");
        String group = request.requiredField("group");
        long timestamp = request.longField("timestamp");
        boolean force = Boolean.parseBoolean(request.field("isForce"));
        TopicConfig config = topics.find(topic).orElse(null);
        if (config == null) {
            return answer(request, ResponseCode.SYSTEM_ERROR,
                    "[reset-offset] reset offset failed, no topic in this broker. topic=" + topic, null);
        }
        byte[] body;
        try {
            body = offsetTable(config, group, timestamp, force);
        } catch (IllegalStateException e) {
            return answer(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null);
        }
        List<ClientConnection> members = groups.info(group).map(ConsumerGroups.GroupInfo::members).orElse(List.of());
        if (members.isEmpty()) {
            return answer(request, ResponseCode.CONSUMER_NOT_ONLINE, "Consumer not online, so can not reset offset, "
                    + "Group: " + group + " Topic: " + topic + " Timestamp: " + timestamp, null);
        }
        Map<String, String> header = Map.of("topic", topic, "group", group, "timestamp", Long.toString(timestamp),
                "isForce", Boolean.toString(force));
        members.forEach(member -> tell(member, header, body));
        return answer(request, ResponseCode.SUCCESS, null, body);
    }

    /** ResetOffsetBody: where each write queue goes; fails when the group has no offset on one of them. */
    private byte[] offsetTable(TopicConfig config, String group, long timestamp, boolean force) {
        String topic = config.topicName();
        MessageQueueTableJson table = new MessageQueueTableJson(Map.of());
        for (int queueId = 0; queueId < config.writeQueueNums(); queueId++) {
            long committed = offsets.committed(group, topic, queueId).orElseThrow(
                    () -> new IllegalStateException("THe consumer group <" + group + "> not exist"));
            long target = Math.max(0, timestamp == QUEUE_END ? store.maxOffset(topic, queueId)
                    : store.offsetByTime(topic, queueId, timestamp));
            table.queue(brokerName, topic, queueId, force || target < committed ? target : committed);
        }
        return table.finish();
    }

    private void tell(ClientConnection member, Map<String, String> header, byte[] body) {
        RemotingCommand reset = new RemotingCommand(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, LanguageCode.JAVA,
                RemotingCommand.BOLIDE_VERSION, opaques.incrementAndGet(), RemotingCommand.ONEWAY_FLAG, null, header,
                body, SerializeType.JSON);
        member.channel().writeAndFlush(reset).addListener(done -> LOG.log(System.Logger.Level.INFO,
                "reset offsets of {0} on {1}: {2}", header.get("group"), member.clientId(),
                done.isSuccess() ? "sent" : "not sent, " + done.cause()));
    }

    private static CompletableFuture<RemotingCommand> answer(RemotingCommand request, int code, String remark,
            byte[] body) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, code, remark, null, body));
    }
}
