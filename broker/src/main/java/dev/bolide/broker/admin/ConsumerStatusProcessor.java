package dev.bolide.broker.admin;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.bolide.broker.client.ClientConnection;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingServer;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * INVOKE_BROKER_TO_GET_CONSUMER_STATUS (mqadmin {@code getConsumerStatus}), as RocketMQ 4.9's
 * {@code Broker2Client.getConsumeStatus}: every live member of the group (or only the one named)
 * is asked GET_CONSUMER_STATUS_FROM_CLIENT for its offsets on the topic, and the answers are
 * gathered by client id in a GetConsumerStatusBody; a member that does not answer is left out.
 */
public final class ConsumerStatusProcessor implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(ConsumerStatusProcessor.class.getName());
    /** RocketMQ's timeout for each member's answer. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerGroups groups;
    private final RemotingServer server;

    public ConsumerStatusProcessor(ConsumerGroups groups, RemotingServer server) {
        this.groups = groups;
        this.server = server;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        String topic = request.requiredField("topic");
        String group = request.requiredField("group");
        String clientId = Optional.ofNullable(request.field("clientAddr")).orElse("");
        Optional<ConsumerGroups.GroupInfo> live = groups.info(group);
        if (live.isEmpty()) {
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "No Any Consumer online in the consumer group: [" + group + "]", null, null));
        }
        List<ClientConnection> asked = live.get().members().stream()
                .filter(member -> clientId.isBlank() || member.clientId().equals(clientId)).toList();
        Map<String, String> header = Map.of("topic", topic, "group", group);
        List<CompletableFuture<String>> answers = asked.stream().map(member -> offsetsOf(member, header)).toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done ->
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, body(asked, answers)));
    }

    /** GetConsumerStatusBody: each answering member's offsets under its client id. */
    private static byte[] body(List<ClientConnection> asked, List<CompletableFuture<String>> answers) {
        StringBuilder body = new StringBuilder("{\"consumerTable\":{");
        String separator = "";
        for (int i = 0; i < asked.size(); i++) {
            String offsets = answers.get(i).join();
            if (offsets != null) {
                body.append(separator).append('"');
                JsonStringEncoder.getInstance().quoteAsString(asked.get(i).clientId(), body);
                body.append("\":").append(offsets);
                separator = ",";
            }
        }
        return body.append("},\"messageQueueTable\":{}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The member's messageQueueTable as it wrote it, or null when it did not answer with one. */
    private CompletableFuture<String> offsetsOf(ClientConnection member, Map<String, String> header) {
        return server.invoke(member.channel(), RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, header, null, CALL_TIMEOUT)
                .handle((answer, failure) -> {
                    if (answer == null || answer.code() != ResponseCode.SUCCESS || answer.body().length == 0) {
                        LOG.log(System.Logger.Level.INFO, "no consumer status from {0}: {1}", member.clientId(),
                                answer == null ? failure : answer.remark());
                        return null;
                    }
                    return RawJsonField.value(new String(answer.body(), StandardCharsets.UTF_8), "messageQueueTable")
                            .orElse(null);
                });
    }
}
