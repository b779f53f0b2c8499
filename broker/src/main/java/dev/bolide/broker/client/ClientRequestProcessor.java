package dev.bolide.broker.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.broker.group.SubscriptionGroupConfig;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HEART_BEAT, UNREGISTER_CLIENT and GET_CONSUMER_LIST_BY_GROUP. A heartbeat that changes a group
 * (a new member, a changed subscription) and a member leaving make the broker send
 * NOTIFY_CONSUMER_IDS_CHANGED to the group's other members, so that they rebalance at once (unless
 * the group's configuration turns that off). A consumer group's first heartbeat creates its
 * subscription group, when the broker may, and its {@code %RETRY%} topic.
 */
public final class ClientRequestProcessor implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(ClientRequestProcessor.class.getName());
    private static final JsonFactory JSON = new JsonFactory();
    private static final String RETRY_TOPIC_PREFIX = "%RETRY%";

    private final ConsumerGroups groups;
    private final ProducerGroups producers;
    private final SubscriptionGroupTable groupConfigs;
    private final TopicConfigTable topics;
    private final AtomicInteger opaques = new AtomicInteger();

    public ClientRequestProcessor(ConsumerGroups groups, ProducerGroups producers, SubscriptionGroupTable groupConfigs,
            TopicConfigTable topics) {
        this.groups = groups;
        this.producers = producers;
        this.groupConfigs = groupConfigs;
        this.topics = topics;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        RemotingCommand response = switch (request.code()) {
            case RequestCode.HEART_BEAT -> heartbeat(channel, request);
            case RequestCode.UNREGISTER_CLIENT -> unregister(request);
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> consumerList(request);
            default -> RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request type " + request.code() + " not supported", null, null);
        };
        return CompletableFuture.completedFuture(response);
    }

    private RemotingCommand heartbeat(Channel channel, RemotingCommand request) throws IOException {
        HeartbeatData heartbeat;
        try {
            heartbeat = HeartbeatData.parse(request.body());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null);
        }
        ClientConnection client = new ClientConnection(channel, heartbeat.clientId(), request.language(),
                request.version());
        for (HeartbeatData.Consumer consumer : heartbeat.consumers()) {
            Optional<SubscriptionGroupConfig> config = groupConfigs.findOrCreate(consumer.groupName());
            if (config.isPresent()) {
                createRetryTopic(config.get());
            }
            boolean notify = config.map(SubscriptionGroupConfig::notifyConsumerIdsChangedEnable).orElse(true);
            if (groups.register(client, consumer) && notify) {
                notifyMembers(consumer.groupName());
            }
        }
        heartbeat.producerGroups().forEach(group -> producers.register(group, client));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }

    private void createRetryTopic(SubscriptionGroupConfig group) throws IOException {
        String retryTopic = RETRY_TOPIC_PREFIX + group.groupName();
        if (topics.find(retryTopic).isEmpty()) {
            topics.put(TopicConfig.of(retryTopic, Math.max(1, group.retryQueueNums())));
        }
    }

    private RemotingCommand unregister(RemotingCommand request) {
        String clientId = request.field("clientID");
        String group = request.field("consumerGroup");
        String producerGroup = request.field("producerGroup");
        if (clientId != null && group != null && groups.unregister(group, clientId)) {
            notifyMembers(group);
        }
        if (clientId != null && producerGroup != null) {
            producers.unregister(producerGroup, clientId);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }

    /** For the server's connection-closed hook: members of a dropped connection have left. */
    public void connectionClosed(Channel channel) {
        producers.remove(channel);
        groups.remove(channel).forEach(this::notifyMembers);
    }

    private RemotingCommand consumerList(RemotingCommand request) {
        String group = request.field("consumerGroup");
        List<String> ids = group == null ? List.of() : groups.consumerIds(group);
        if (ids.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "no consumer for this group, " + group,
                    null, null);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, consumerIdList(ids));
    }

    private static byte[] consumerIdList(List<String> ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("consumerIdList");
            for (String id : ids) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void notifyMembers(String group) {
        for (Channel member : groups.channels(group)) {
            RemotingCommand notification = new RemotingCommand(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                    LanguageCode.JAVA, RemotingCommand.BOLIDE_VERSION,
                    opaques.incrementAndGet(), RemotingCommand.ONEWAY_FLAG, null, Map.of("consumerGroup", group), null,
                    SerializeType.JSON);
            member.writeAndFlush(notification).addListener(done -> {
                if (!done.isSuccess()) {
                    LOG.log(System.Logger.Level.DEBUG, "cannot notify {0} of group {1}", member, group);
                }
            });
        }
    }
}
