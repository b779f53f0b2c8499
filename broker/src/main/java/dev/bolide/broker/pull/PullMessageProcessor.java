package dev.bolide.broker.pull;

import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.client.Subscription;
import dev.bolide.broker.filter.FilterRefusedException;
import dev.bolide.broker.filter.SubscriptionFilters;
import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers PULL_MESSAGE from the store: the records found, concatenated as stored, and the four
 * header fields every pull response must carry ({@code nextBeginOffset}, {@code minOffset},
 * {@code maxOffset}, {@code suggestWhichBrokerId}).
 *
 * <p>A request without its own expression is filtered by the subscription its group declared in
 * heartbeats. A request that finds nothing new and allows it is held ({@link HeldPulls}) until a
 * message arrives or its suspend time ends. TAG and SQL92 expressions are applied by {@link SubscriptionFilters}.
 */
public final class PullMessageProcessor implements RequestProcessor {
    private final MessageStore store;
    private final TopicConfigTable topics;
    private final ConsumerOffsets offsets;
    private final ConsumerGroups groups;
    private final SubscriptionGroupTable groupConfigs;
    private final BrokerStats stats;
    private final SubscriptionFilters filters;
    private final HeldPulls held;
    private final PullRouting routing;
    private final HeldOffsets heldOffsets;

    /**
     * @param held where requests wait for news; started here, closed by the caller
     * @param routing which broker consumers are sent to next, and how a slave answers
     * @param heldOffsets the messages of XA branches a group must not be delivered again
     */
    public PullMessageProcessor(MessageStore store, TopicConfigTable topics, ConsumerOffsets offsets,
            ConsumerGroups groups, SubscriptionGroupTable groupConfigs, BrokerStats stats, SubscriptionFilters filters,
            HeldPulls held, PullRouting routing, HeldOffsets heldOffsets) {
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.groups = groups;
        this.groupConfigs = groupConfigs;
        this.stats = stats;
        this.filters = filters;
        this.held = held;
        this.routing = routing;
        this.heldOffsets = heldOffsets;
        held.start((channel, request) -> answer(channel, request, false), store::maxOffset);
        store.addDispatchListener(held::dispatched);
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(answer(channel, request, true));
    }

    /** The answer, or null when the request is held for later or its records were written already. */
    private RemotingCommand answer(Channel channel, RemotingCommand request, boolean firstExecution) {
        PullRequestHeader header;
        try {
            header = PullRequestHeader.of(request);
        } catch (IllegalArgumentException e) {
            return error(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        if (!routing.pullsAllowed()) {
            return error(request, ResponseCode.NO_PERMISSION,
                    "the broker[" + routing.brokerIP1() + "] pulling message is forbidden");
        }
        // a held request looks the group up only: one deleted meanwhile (unsubscribed) stays deleted
        Optional<SubscriptionGroupConfig> group = firstExecution ? findOrCreateGroup(header.consumerGroup())
                : groupConfigs.find(header.consumerGroup());
        if (group.isEmpty()) {
            return error(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "subscription group [" + header.consumerGroup() + "] does not exist");
        }
        if (!group.get().consumeEnable()) {
            return error(request, ResponseCode.NO_PERMISSION, "subscription group no permission, "
                    + header.consumerGroup());
        }
        Optional<TopicConfig> topic = topics.find(header.topic());
        if (topic.isEmpty()) {
            return error(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + header.topic() + "] not exist");
        }
        if (!topic.get().isReadable()) {
            return error(request, ResponseCode.NO_PERMISSION, "the topic[" + header.topic() + "] pulling message is forbidden");
        }
        if (header.queueId() < 0 || header.queueId() >= topic.get().readQueueNums()) {
            return error(request, ResponseCode.SYSTEM_ERROR, "queueId[" + header.queueId() + "] is illegal, topic:["
                    + header.topic() + "] topicConfig.readQueueNums:[" + topic.get().readQueueNums() + "]");
        }
        Optional<Subscription> subscription = header.hasSubscription()
                ? Optional.of(new Subscription(header.topic(), header.subscription(),
                        header.expressionType() == null ? "TAG" : header.expressionType(), 0))
                : groups.subscription(header.consumerGroup(), header.topic());
        if (subscription.isEmpty()) {
            return error(request, ResponseCode.SUBSCRIPTION_NOT_EXIST, "the consumer's subscription not exist");
        }
        MessageFilter filter;
        try {
            filter = heldOffsets.around(header.consumerGroup(), header.topic(), header.queueId(),
                    filters.filterFor(subscription.get()));
        } catch (FilterRefusedException e) {
            return error(request, e.responseCode(), e.getMessage());
        }
        // a slave keeps only the offsets consumers commit to it on purpose (UPDATE_CONSUMER_OFFSET)
        if (header.hasCommitOffset() && firstExecution && !routing.slave()) {
            offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        }
        GetMessageResult result = store.getMessages(header.topic(), header.queueId(), header.queueOffset(),
                header.maxMsgNums(), filter);
        boolean written = false;
        try {
            RemotingCommand response = response(request, header, group.get(), result);
            stats.pulled(response.code() == ResponseCode.SUCCESS);
            if (response.code() == ResponseCode.SUCCESS) {
                stats.delivered(header.consumerGroup(), header.topic(), result.messages().size(),
                        PulledRecords.bodyLength(result));
                PulledRecords.write(channel, response, result);
                written = true;
                return null;
            }
            if (firstExecution && header.maySuspend() && response.code() == ResponseCode.PULL_NOT_FOUND) {
                held.hold(channel, request, header.topic(), header.queueId(), header.queueOffset(),
                        header.suspendTimeoutMillis());
                return null;
            }
            return response;
        } finally {
            if (!written) {
                result.close();
            }
        }
    }

    private Optional<SubscriptionGroupConfig> findOrCreateGroup(String group) {
        try {
            return groupConfigs.findOrCreate(group);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist the new subscription group " + group, e);
        }
    }

    private RemotingCommand response(RemotingCommand request, PullRequestHeader header, SubscriptionGroupConfig group,
            GetMessageResult result) {
        Map<String, String> fields = new HashMap<>();
        fields.put("nextBeginOffset", Long.toString(result.nextBeginOffset()));
        fields.put("minOffset", Long.toString(result.minOffset()));
        fields.put("maxOffset", Long.toString(result.maxOffset()));
        long suggested = routing.suggestWhichBrokerId(group, behindBytes(header, result));
        int code = switch (result.status()) {
            case FOUND -> ResponseCode.SUCCESS;
            case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING -> ResponseCode.PULL_RETRY_IMMEDIATELY;
            case OFFSET_OVERFLOW_ONE -> ResponseCode.PULL_NOT_FOUND;
            case OFFSET_TOO_SMALL, OFFSET_OVERFLOW_BADLY -> ResponseCode.PULL_OFFSET_MOVED;
            case NO_MESSAGE_IN_QUEUE, NO_MATCHED_LOGIC_QUEUE -> header.queueOffset() != 0
                    ? ResponseCode.PULL_OFFSET_MOVED : ResponseCode.PULL_NOT_FOUND;
        };
        if (code == ResponseCode.PULL_OFFSET_MOVED && routing.slave()) {
            // a slave may lag its master: rather than move the consumer's offset, send it back to its broker
            code = ResponseCode.PULL_RETRY_IMMEDIATELY;
            suggested = group.brokerId();
        }
        fields.put("suggestWhichBrokerId", Long.toString(suggested));
        // a found pull's records follow the header where they lie (PulledRecords), not in the command
        return RemotingCommand.responseTo(request, code, result.status().name(), fields, null);
    }

    /**
     * How far the last ConsumeQueue unit the pull read lies behind the CommitLog's end (RocketMQ's
     * {@code maxOffsetPy - maxPhyOffsetPulling}); -1 when it read none.
     */
    private long behindBytes(PullRequestHeader header, GetMessageResult result) {
        if (result.nextBeginOffset() <= header.queueOffset()) {
            return -1;
        }
        long lastRead = store.commitLogOffset(header.topic(), header.queueId(), result.nextBeginOffset() - 1);
        return lastRead < 0 ? -1 : store.commitLogMaxOffset() - lastRead;
    }

    private static RemotingCommand error(RemotingCommand request, int code, String remark) {
        return RemotingCommand.responseTo(request, code, remark, null, null);
    }
}
