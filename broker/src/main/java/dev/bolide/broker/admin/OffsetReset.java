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
import dev.bolide.store.MessageStore;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moving a consumer group's offsets on a topic back (or forward) to a time, as RocketMQ 4.9's
 * {@code Broker2Client.resetOffset}: per write queue, the offset of the message stored nearest to
 * the timestamp, as RocketMQ picks it (timestamp -1: the queue's end), kept only where it is behind
 * the group's committed offset unless forced; the table goes to every live member of the group in
 * RESET_CONSUMER_CLIENT_OFFSET, and the client moves there and consumes again. Serves
 * INVOKE_BROKER_TO_RESET_OFFSET ({@link ResetOffsetProcessor}) and the console's Consumer groups page.
 */
public final class OffsetReset {
    /** {@code resetOffsetByTime -s now} style: the end of each queue. */
    private static final long QUEUE_END = -1;
    private static final System.Logger LOG = System.getLogger(OffsetReset.class.getName());

    private final TopicConfigTable topics;
    private final ConsumerOffsets offsets;
    private final ConsumerGroups groups;
    private final MessageStore store;
    private final String brokerName;
    private final AtomicInteger opaques = new AtomicInteger();

    public OffsetReset(TopicConfigTable topics, ConsumerOffsets offsets, ConsumerGroups groups, MessageStore store,
            String brokerName) {
        this.topics = topics;
        this.offsets = offsets;
        this.groups = groups;
        this.store = store;
        this.brokerName = brokerName;
    }

    /**
     * What a reset did: with {@link ResponseCode#SUCCESS} the live members were told; with
     * {@link ResponseCode#CONSUMER_NOT_ONLINE} nobody was, and the caller may commit {@code targets}
     * itself, as mqadmin does; otherwise ({@link ResponseCode#SYSTEM_ERROR}) nothing was reset.
     *
     * @param body     the ResetOffsetBody of the answer; null unless SUCCESS
     * @param targets  per queue id, where the group goes; empty on SYSTEM_ERROR
     */
    public record Outcome(int code, String remark, byte[] body, Map<Integer, Long> targets) {
    }

    public Outcome reset(String topic, String group, long timestamp, boolean force) {
        TopicConfig config = topics.find(topic).orElse(null);
        if (config == null) {
            return refused("[reset-offset] reset offset failed, no topic in this broker. topic=" + topic);
        }
        Map<Integer, Long> targets = new TreeMap<>();
        for (int queueId = 0; queueId < config.writeQueueNums(); queueId++) {
            OptionalLong committed = offsets.committed(group, topic, queueId);
            if (committed.isEmpty()) {
                return refused("THe consumer group <" + group + "> not exist");
            }
            long target = Math.max(0, timestamp == QUEUE_END ? store.maxOffset(topic, queueId)
                    : store.offsetByTime(topic, queueId, timestamp));
            targets.put(queueId, force || target < committed.getAsLong() ? target : committed.getAsLong());
        }
        List<ClientConnection> members = groups.info(group).map(ConsumerGroups.GroupInfo::members).orElse(List.of());
        if (members.isEmpty()) {
            return new Outcome(ResponseCode.CONSUMER_NOT_ONLINE, "Consumer not online, so can not reset offset, "
                    + "Group: " + group + " Topic: " + topic + " Timestamp: " + timestamp, null, targets);
        }
        MessageQueueTableJson table = new MessageQueueTableJson(Map.of());
        targets.forEach((queueId, offset) -> table.queue(brokerName, topic, queueId, offset));
        byte[] body = table.finish();
        Map<String, String> header = Map.of("topic", topic, "group", group, "timestamp", Long.toString(timestamp),
                "isForce", Boolean.toString(force));
        members.forEach(member -> tell(member, header, body));
        return new Outcome(ResponseCode.SUCCESS, null, body, targets);
    }

    private static Outcome refused(String remark) {
        return new Outcome(ResponseCode.SYSTEM_ERROR, remark, null, Map.of());
    }

    private void tell(ClientConnection member, Map<String, String> header, byte[] body) {
        RemotingCommand reset = new RemotingCommand(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, LanguageCode.JAVA,
                RemotingCommand.BOLIDE_VERSION, opaques.incrementAndGet(), RemotingCommand.ONEWAY_FLAG, null, header,
                body, SerializeType.JSON);
        member.channel().writeAndFlush(reset).addListener(done -> LOG.log(System.Logger.Level.INFO,
                "reset offsets of {0} on {1}: {2}", header.get("group"), member.clientId(),
                done.isSuccess() ? "sent" : "not sent, " + done.cause()));
    }
}
