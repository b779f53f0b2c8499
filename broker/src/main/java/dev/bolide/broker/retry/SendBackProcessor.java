package dev.bolide.broker.retry;

import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.ha.Writes;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.send.Destination;
import dev.bolide.broker.send.Diversion;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreException;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CONSUMER_SEND_MSG_BACK: a consumer could not process a message (header {@code offset}, its
 * CommitLog offset) and hands it back to its group ({@code group}). The message is stored again,
 * reconsume count + 1, in a random queue of {@code %RETRY%<group>} with delay level
 * {@code delayLevel}, or 3 + its reconsume count when the client leaves it to the broker (0);
 * once the count reaches {@code maxReconsumeTimes} (else the group's {@code retryMaxTimes}), or
 * when the client asks for a negative level, it goes to the group's dead-letter queue instead.
 * Either way it keeps everything it had (keys, tags, unique id, properties) plus
 * {@code RETRY_TOPIC} (the topic it was first sent to) and {@code ORIGIN_MESSAGE_ID} (the offset
 * message id of the first attempt). A group with no retry queues drops the message.
 *
 * <p>The answer waits as a send's does (the disk under {@code SYNC_FLUSH}, a slave on a
 * SYNC_MASTER), so that a consumer never moves past a message whose retry only the master holds,
 * but it is 0 whatever the wait gave: RocketMQ 4.9.7 stores a send-back with {@code WAIT=false},
 * which waits for neither and so answers 0 even with no slave connected, and a client answered an
 * error here sends the message back itself, which would store it twice.
 */
public final class SendBackProcessor implements RequestProcessor {
    /** RocketMQ starts retries at level 3 (10 s by default) and goes one level up each time. */
    private static final int FIRST_RETRY_LEVEL = 3;

    private final MessageStore store;
    private final Writes writes;
    private final SubscriptionGroupTable groups;
    private final RetryTopics topics;
    private final DeadLetters deadLetters;
    private final Diversion delays;

    /**
     * @param writes how a retry is waited for before the answer
     * @param delays parks a message with a {@code DELAY} level until it is due
     */
    public SendBackProcessor(MessageStore store, Writes writes, SubscriptionGroupTable groups, RetryTopics topics,
            Diversion delays) {
        this.store = store;
        this.writes = writes;
        this.groups = groups;
        this.topics = topics;
        this.deadLetters = new DeadLetters(topics);
        this.delays = delays;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        String groupName = request.requiredField("group");
        Optional<SubscriptionGroupConfig> group = groups.findOrCreate(groupName);
        if (group.isEmpty()) {
            return answer(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, "
                    + groupName);
        }
        if (group.get().retryQueueNums() <= 0) {
            return answer(request, ResponseCode.SUCCESS, "the group has no retry queues: message dropped");
        }
        TopicConfig retryTopic = topics.retryTopicOf(group.get());
        if (!retryTopic.isWritable()) {
            return answer(request, ResponseCode.NO_PERMISSION, "the topic[" + retryTopic.topicName()
                    + "] sending message is forbidden");
        }
        long offset = request.longField("offset");
        ByteBuffer original = store.lookupMessage(offset);
        if (original == null) {
            return answer(request, ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + offset);
        }
        MessageToStore retry = retry(new MessageRecordView().wrap(original, 0), group.get(), retryTopic, request);
        // the retry topic, or the dead-letter topic it went to, may have been created for it
        return append(request, retry, CompletableFuture.allOf(topics.persisted(retryTopic.topicName()),
                topics.persisted(retry.topic())));
    }

    private MessageToStore retry(MessageRecordView original, SubscriptionGroupConfig group, TopicConfig retryTopic,
            RemotingCommand request) throws IOException {
        Map<String, String> properties = RetryCopy.properties(original);
        int reconsumeTimes = original.reconsumeTimes();
        int delayLevel = request.intField("delayLevel");
        Destination destination;
        if (reconsumeTimes >= maxReconsumeTimes(request, group) || delayLevel < 0) {
            destination = deadLetters.divert(group.groupName(), properties, reconsumeTimes + 1);
        } else {
            properties.put(PropertyKeys.DELAY_TIME_LEVEL,
                    Integer.toString(delayLevel == 0 ? FIRST_RETRY_LEVEL + reconsumeTimes : delayLevel));
            Destination retryQueue = new Destination(retryTopic.topicName(),
                    ThreadLocalRandom.current().nextInt(Math.max(1, retryTopic.writeQueueNums())));
            destination = delays.divert(retryQueue, properties, reconsumeTimes + 1, -1);
        }
        return MessageToStore.copyOf(original, destination.topic(), destination.queueId())
                .reconsumeTimes(reconsumeTimes + 1)
                .properties(properties)
                .build();
    }

    private static int maxReconsumeTimes(RemotingCommand request, SubscriptionGroupConfig group) {
        return request.field("maxReconsumeTimes") == null ? group.retryMaxTimes()
                : request.intField("maxReconsumeTimes");
    }

    /** Answers once the store may acknowledge and the topics file holds the topics the retry needs. */
    private CompletableFuture<RemotingCommand> append(RemotingCommand request, MessageToStore retry,
            CompletableFuture<Void> topicsPersisted) {
        try {
            return writes.append(List.of(retry)).thenCombine(topicsPersisted, (written, persisted) -> written)
                    .handle((result, failure) -> failure == null
                            ? RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null)
                            : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, failure.getMessage(),
                                    null, null));
        } catch (StoreException e) {
            return answer(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
    }

    private static CompletableFuture<RemotingCommand> answer(RemotingCommand request, int code, String remark) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, code, remark, null, null));
    }
}
