package dev.bolide.broker.admin;

import dev.bolide.broker.client.ClientConnection;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingServer;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.store.MessageStore;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * What mqadmin asks a live consumer through the broker: GET_CONSUMER_RUNNING_INFO
 * ({@code consumerStatus}) and CONSUME_MESSAGE_DIRECTLY ({@code queryMsgByUniqueKey -g -d},
 * {@code consumeMessage}; the broker puts the stored message in the body and its name in the
 * header). The request goes to the named client of the group over its own connection, and the
 * client's answer comes back to mqadmin as it is.
 */
public final class ConsumerCallProcessor implements RequestProcessor {
    /** RocketMQ's {@code Broker2Client.callClient} timeout. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerGroups groups;
    private final MessageStore store;
    private final RemotingServer server;
    private final String brokerName;

    public ConsumerCallProcessor(ConsumerGroups groups, MessageStore store, RemotingServer server, String brokerName) {
        this.groups = groups;
        this.store = store;
        this.server = server;
        this.brokerName = brokerName;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        String group = request.requiredField("consumerGroup");
        String clientId = request.requiredField("clientId");
        Optional<Channel> consumer = groups.info(group).stream().flatMap(info -> info.members().stream())
                .filter(member -> member.clientId().equals(clientId)).map(ClientConnection::channel).findFirst();
        if (consumer.isEmpty()) {
            return error(request, ResponseCode.SYSTEM_ERROR, "The Consumer <" + group + "> <" + clientId + "> not online");
        }
        Map<String, String> fields = new HashMap<>(request.extFields());
        byte[] body = request.body();
        if (request.code() == RequestCode.CONSUME_MESSAGE_DIRECTLY) {
            ByteBuffer message = store.lookupMessage(MessageId.physicalOffset(request.requiredField("msgId")));
            if (message == null) {
                return error(request, ResponseCode.SYSTEM_ERROR, "no message " + request.field("msgId")
                        + " on broker " + brokerName);
            }
            fields.put("brokerName", brokerName);
            body = message.array();
        }
        return server.invoke(consumer.get(), request.code(), fields, body, CALL_TIMEOUT).handle((answer, failure) ->
                answer != null ? RemotingCommand.responseTo(request, answer.code(), answer.remark(), answer.extFields(),
                        answer.body()) : failed(request, group, clientId, failure));
    }

    private static RemotingCommand failed(RemotingCommand request, String group, String clientId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof TimeoutException) {
            return RemotingCommand.responseTo(request, ResponseCode.CONSUME_MSG_TIMEOUT,
                    "consumer <" + group + "> <" + clientId + "> Timeout: " + cause.getMessage(), null, null);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                "invoke consumer <" + group + "> <" + clientId + "> Exception: " + cause, null, null);
    }

    private static CompletableFuture<RemotingCommand> error(RemotingCommand request, int code, String remark) {
        return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, code, remark, null, null));
    }
}
