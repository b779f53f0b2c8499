package dev.bolide.broker.namesrv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.remoting.UnsupportedRequest;
import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.broker.topic.TopicTableJson;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The broker-facing name server requests: REGISTER_BROKER (answered, as RocketMQ does, with the
 * {@code ORDER_TOPIC_CONFIG} key-value table), UNREGISTER_BROKER and QUERY_DATA_VERSION, from Bolide brokers and RocketMQ 4.9 brokers alike. Registration bodies must
 * be uncompressed (RocketMQ's default, {@code compressedRegister=false}).
 */
public final class BrokerRegistrationProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final RouteTable routes;
    private final KvConfigTable kvConfig;

    BrokerRegistrationProcessor(RouteTable routes, KvConfigTable kvConfig) {
        this.routes = routes;
        this.kvConfig = kvConfig;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.REGISTER_BROKER -> register(channel, request);
            case RequestCode.UNREGISTER_BROKER -> unregister(request);
            case RequestCode.QUERY_DATA_VERSION -> queryDataVersion(request);
            default -> UnsupportedRequest.answer(request);
        });
    }

    private RemotingCommand register(Channel channel, RemotingCommand request) {
        if (Boolean.parseBoolean(request.field("compressed"))) {
            return error(request, "compressed registration bodies are not supported by Bolide's name server; "
                    + "set compressedRegister=false on the broker");
        }
        // 0 means "do not check", as in RocketMQ; older brokers leave the field out
        int crc = request.field("bodyCrc32") == null ? 0 : request.intField("bodyCrc32");
        if (crc != 0 && crc != RegisterBrokerBody.crc32(request.body())) {
            return error(request, "crc32 not match");
        }
        BrokerIdentity identity = identity(request);
        Map<String, String> fields = new HashMap<>();
        routes.register(identity, RegisterBrokerBody.decode(request.body()), channel).ifPresent(master -> {
            fields.put("masterAddr", master.address());
            if (master.haServerAddr() != null) {
                fields.put("haServerAddr", master.haServerAddr());
            }
        });
        // RocketMQ brokers mark the topics listed here as ordered
        Optional<Map<String, String>> orderTopics = kvConfig.namespace(KvConfigTable.ORDER_TOPIC_CONFIG);
        byte[] orderConfig = orderTopics.isPresent() ? KvConfigProcessor.kvTable(orderTopics.get()) : null;
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, fields, orderConfig);
    }

    private RemotingCommand unregister(RemotingCommand request) {
        routes.unregister(request.requiredField("brokerName"), request.requiredField("brokerAddr"));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }

    private RemotingCommand queryDataVersion(RemotingCommand request) throws IOException {
        String address = request.requiredField("brokerAddr");
        boolean changed = routes.touchUnlessChanged(address, dataVersion(request.body()));
        byte[] stored = routes.dataVersion(address).map(RouteJson::dataVersion).orElse(null);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                Map.of("changed", Boolean.toString(changed)), stored);
    }

    private static BrokerIdentity identity(RemotingCommand request) {
        return new BrokerIdentity(request.requiredField("clusterName"), request.requiredField("brokerName"),
                request.longField("brokerId"), request.requiredField("brokerAddr"), request.field("haServerAddr"));
    }

    private static DataVersion dataVersion(byte[] body) throws IOException {
        try (JsonParser json = JSON.createParser(body)) {
            json.nextToken();
            return DataVersion.read(json);
        }
    }

    private static RemotingCommand error(RemotingCommand request, String remark) {
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, remark, null, null);
    }
}
