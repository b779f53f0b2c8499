package dev.bolide.broker.send;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.timer.TimerProperties;
import dev.bolide.broker.ha.Writes;
import dev.bolide.broker.ha.Written;
import dev.bolide.broker.timer.TimerService;
import dev.bolide.broker.transaction.HalfMessages;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.broker.topic.TopicName;
import dev.bolide.protocol.message.BatchBody;
import dev.bolide.protocol.message.HostAddress;
import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreException;
import io.netty.channel.Channel;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stores what producers send (single messages and batches) and answers with where it went:
 * {@code msgId} (offset message ids, comma-separated for a batch), {@code queueId},
 * {@code queueOffset}, plus the {@code MSG_REGION} and {@code TRACE_ON} fields clients read
 * without a null check. Unknown topics are created from the default topic when it allows it.
 * The prepared half of a transaction ({@code TRAN_MSG=true}) is stored in the half topic, invisible
 * to consumers. Any other single message may be stored elsewhere than sent ({@link Diversion}:
 * delays, exhausted retries), and one with RocketMQ 5 timer properties as a timer record
 * ({@link TimerService}). The answer still names the queue it was sent to, as RocketMQ's does.
 */
public final class SendMessageProcessor implements RequestProcessor {
    /** Topics only the broker itself writes to. */
    private static final Set<String> FORBIDDEN_TOPICS = Set.of("SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC",
            "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC", "SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT",
            "rmq_sys_wheel_timer");

    private static final AttributeKey<byte[]> PRODUCER_HOST = AttributeKey.valueOf("bolide.send.producerHost");

    private final TopicConfigTable topics;
    private final TimerService timers;
    private final String clusterName;
    private final String regionId;
    private final int maxMessageSize;
    private final Diversion diversion;
    private final Writes writes;

    /**
     * A processor that answers once the store may acknowledge, waiting for no slave.
     *
     * @param maxMessageSize the largest body, and the largest sum of the bodies of a batch
     */
    public SendMessageProcessor(MessageStore store, TopicConfigTable topics, TimerService timers, String clusterName,
            String regionId, int maxMessageSize, Diversion diversion) {
        this(topics, timers, clusterName, regionId, maxMessageSize, diversion, Writes.unreplicated(store));
    }

    /** @param writes how a send that waits for its store ({@code WAIT}) waits (for a slave too on a SYNC_MASTER) */
    public SendMessageProcessor(TopicConfigTable topics, TimerService timers, String clusterName,
            String regionId, int maxMessageSize, Diversion diversion, Writes writes) {
        this.topics = topics;
        this.timers = timers;
        this.clusterName = clusterName;
        this.regionId = regionId;
        this.maxMessageSize = maxMessageSize;
        this.diversion = diversion;
        this.writes = writes;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        SendRequestHeader header;
        try {
            header = SendRequestHeader.of(request);
            TopicName.check(header.topic());
        } catch (IllegalArgumentException e) {
            return answer(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        if (FORBIDDEN_TOPICS.contains(header.topic())) {
            return answer(request, ResponseCode.NO_PERMISSION,
                    "Sending message to topic[" + header.topic() + "] is forbidden.");
        }
        Optional<TopicConfig> topic = topicFor(header);
        if (topic.isEmpty()) {
            return answer(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + header.topic()
                    + "] not exist, apply first please!");
        }
        int queueId = header.queueId() < 0 ? ThreadLocalRandom.current().nextInt(topic.get().writeQueueNums())
                : header.queueId();
        if (queueId >= Math.max(topic.get().writeQueueNums(), topic.get().readQueueNums())) {
            return answer(request, ResponseCode.SYSTEM_ERROR, "request queueId[" + queueId + "] is illegal, "
                    + topic.get() + " Producer: " + channel.remoteAddress());
        }
        List<MessageToStore> messages;
        try {
            messages = messages(header, queueId, request.body(), producerHost(channel));
        } catch (IllegalArgumentException e) {
            return answer(request, ResponseCode.MESSAGE_ILLEGAL, e.getMessage());
        }
        return append(request, queueId, messages, topicsPersisted(header.topic(), messages.get(0).topic()));
    }

    /**
     * When the topics file holds the topic sent to and the one the messages are stored in, either
     * created for this send: a dead-letter topic, when a retry is diverted there.
     */
    private CompletableFuture<Void> topicsPersisted(String sentTo, String storedIn) {
        CompletableFuture<Void> persisted = topics.persisted(sentTo);
        return sentTo.equals(storedIn) ? persisted : CompletableFuture.allOf(persisted, topics.persisted(storedIn));
    }

    private Optional<TopicConfig> topicFor(SendRequestHeader header) throws IOException {
        Optional<TopicConfig> existing = topics.find(header.topic());
        if (existing.isPresent()) {
            return existing;
        }
        Optional<TopicConfig> template = topics.find(header.defaultTopic());
        return template.isEmpty() ? Optional.empty()
                : topics.createFrom(header.topic(), template.get(), header.defaultTopicQueueNums());
    }

    /** The producer's address as records carry it: encoded once per connection rather than per message. */
    private static byte[] producerHost(Channel channel) {
        Attribute<byte[]> encoded = channel.attr(PRODUCER_HOST);
        byte[] host = encoded.get();
        if (host == null) {
            host = HostAddress.encode((InetSocketAddress) channel.remoteAddress());
            encoded.set(host);
        }
        return host;
    }

    private List<MessageToStore> messages(SendRequestHeader header, int queueId, byte[] body,
            byte[] producer) throws IOException {
        ReceivedProperties properties = new ReceivedProperties(header.properties());
        refuseUnsupported(properties, header.batch());
        boolean waitForFlush = !"false".equals(properties.remove(PropertyKeys.WAIT_STORE_MSG_OK));
        properties.put(PropertyKeys.CLUSTER, clusterName);
        if (!header.batch()) {
            return List.of(single(header, queueId, producer, waitForFlush, body, properties));
        }
        boolean halves = halfBatch(properties, header.sysFlag());
        String batchProperties = properties.encoded();
        TimerProperties.refuseInBatch(batchProperties);
        List<BatchBody.Item> items = BatchBody.decode(body);
        long total = items.stream().mapToLong(item -> item.body().length).sum();
        if (total > maxMessageSize) {
            throw new IllegalArgumentException("the bodies of a batch add up to " + total
                    + " bytes, more than maxMessageSize " + maxMessageSize);
        }
        List<MessageToStore> messages = new ArrayList<>();
        for (BatchBody.Item item : items) {
            TimerProperties.refuseInBatch(item.properties());
            String itemProperties = item.properties().isEmpty() ? batchProperties
                    : item.properties() + MessageProperties.PROPERTY_SEPARATOR + batchProperties;
            messages.add(halves
                    ? half(header, queueId, producer, waitForFlush, item.flag(), item.body(),
                            new ReceivedProperties(itemProperties))
                    : message(header, new Destination(header.topic(), queueId), header.sysFlag(), producer,
                            waitForFlush, item.flag(), item.body(), itemProperties.getBytes(StandardCharsets.UTF_8)));
        }
        return messages;
    }

    /**
     * Whether a batch holds half messages. RocketMQ refuses transactional batches, since
     * END_TRANSACTION decides one half message; the half messages of a Bolide XA branch
     * ({@code BOLIDE_XID}) are decided together by their branch, so a batch of them is accepted.
     */
    private static boolean halfBatch(Map<String, String> properties, int sysFlag) {
        boolean transactional = HalfMessages.isPrepared(properties)
                || MessageSysFlag.transactionType(sysFlag) != MessageSysFlag.TRANSACTION_NOT_TYPE;
        if (transactional && !(HalfMessages.isPrepared(properties) && properties.containsKey(PropertyKeys.XA_BRANCH))) {
            throw new IllegalArgumentException("a batch of messages cannot be transactional, except the half"
                    + " messages of one XA branch (" + PropertyKeys.XA_BRANCH + ")");
        }
        return transactional;
    }

    /** A batch cannot be delayed, as in RocketMQ. */
    private static void refuseUnsupported(Map<String, String> properties, boolean batch) {
        String delay = properties.get(PropertyKeys.DELAY_TIME_LEVEL);
        if (batch && delay != null && !delay.equals("0")) {
            throw new IllegalArgumentException("a batch of messages cannot have a delay level");
        }
    }

    /**
     * A single message: the prepared half of a transaction is stored in the half topic; any other
     * goes where the diversions send it, as a timer record when it asks for a delivery time.
     */
    private MessageToStore single(SendRequestHeader header, int queueId, byte[] producer,
            boolean waitForFlush, byte[] body, ReceivedProperties properties) throws IOException {
        if (HalfMessages.isPrepared(properties)) {
            // its timer starts at the commit (CommittedSends); a time the timer refuses is refused now,
            // and a forged timer delivery marker is dropped, as for any send
            timers.requestedDeliveryTime(properties).ifPresent(timers::checkDeliveryTime);
            return half(header, queueId, producer, waitForFlush, header.flag(), body, properties);
        }
        Destination destination = diversion.divert(new Destination(header.topic(), queueId), properties,
                header.reconsumeTimes(), header.maxReconsumeTimes());
        OptionalLong deliverAt = timers.requestedDeliveryTime(properties);
        MessageToStore message = message(header, destination, header.sysFlag(), producer, waitForFlush,
                header.flag(), body, properties.encodedUtf8());
        return deliverAt.isPresent() ? timers.timerRecord(message, deliverAt.getAsLong()) : message;
    }

    /** The prepared half of a transaction, stored in the half topic with its real destination kept. */
    private static MessageToStore half(SendRequestHeader header, int queueId, byte[] producer,
            boolean waitForFlush, int flag, byte[] body, ReceivedProperties properties) {
        HalfMessages.keepDestination(properties, header.topic(), queueId);
        return message(header, new Destination(HalfMessages.TOPIC, HalfMessages.QUEUE_ID),
                HalfMessages.storedSysFlag(header.sysFlag()), producer, waitForFlush, flag, body,
                properties.encodedUtf8());
    }

    private static MessageToStore message(SendRequestHeader header, Destination destination, int sysFlag,
            byte[] producer, boolean waitForFlush, int flag, byte[] body, byte[] properties) {
        try {
            return MessageToStore.builder(destination.topic(), destination.queueId(), body)
                    .flag(flag)
                    .sysFlag(sysFlag)
                    .bornTimestamp(header.bornTimestamp())
                    .bornHost(producer)
                    .reconsumeTimes(header.reconsumeTimes())
                    .properties(properties)
                    .waitForFlush(waitForFlush)
                    .build();
        } catch (StoreException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Answers once the store may acknowledge and the topics file holds the topic (created on this send, say). */
    private CompletableFuture<RemotingCommand> append(RemotingCommand request, int queueId,
            List<MessageToStore> messages, CompletableFuture<Void> topicPersisted) {
        try {
            CompletableFuture<Written> acknowledgeable = writes.append(messages);
            if (!topicPersisted.isDone() || topicPersisted.isCompletedExceptionally()) {
                acknowledgeable = acknowledgeable.thenCombine(topicPersisted, (written, persisted) -> written);
            }
            return acknowledgeable
                    .thenApply(written -> stored(request, queueId, written))
                    .exceptionally(failure -> refused(request, failure instanceof CompletionException
                            && failure.getCause() != null ? failure.getCause() : failure));
        } catch (StoreException e) {
            return CompletableFuture.completedFuture(refused(request, e));
        }
    }

    private RemotingCommand stored(RemotingCommand request, int queueId, Written written) {
        List<AppendedMessage> appended = written.appended().messages();
        Map<String, String> fields = new HashMap<>();
        fields.put("msgId", messageIds(appended));
        fields.put("queueId", Integer.toString(queueId));
        fields.put("queueOffset", Long.toString(appended.get(0).queueOffset()));
        fields.put("MSG_REGION", regionId);
        fields.put("TRACE_ON", "true");
        return RemotingCommand.responseTo(request, written.sendResponseCode(), null, fields, null);
    }

    /** Comma-separated, for a batch; without a stream, which cost 3 % of the send path for one id. */
    private static String messageIds(List<AppendedMessage> appended) {
        if (appended.size() == 1) {
            return appended.get(0).offsetMessageId();
        }
        StringBuilder ids = new StringBuilder(appended.size() * 33);
        for (AppendedMessage message : appended) {
            ids.append(ids.isEmpty() ? "" : ",").append(message.offsetMessageId());
        }
        return ids.toString();
    }

    private static RemotingCommand refused(RemotingCommand request, Throwable failure) {
        if (!(failure instanceof StoreException e)) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, String.valueOf(failure), null, null);
        }
        int code = switch (e.reason()) {
            case MESSAGE_ILLEGAL -> ResponseCode.MESSAGE_ILLEGAL;
            case DISK_FULL, CLOSED -> ResponseCode.SERVICE_NOT_AVAILABLE;
            case IO_ERROR -> ResponseCode.SYSTEM_ERROR;
        };
        return RemotingCommand.responseTo(request, code, e.getMessage(), null, null);
    }

    private static CompletableFuture<RemotingCommand> answer(RemotingCommand request, int code, String remark) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, code, remark, null, null));
    }
}
