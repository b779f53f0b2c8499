package dev.bolide.broker.registration;

import dev.bolide.broker.namesrv.BrokerIdentity;
import dev.bolide.broker.namesrv.RegisterBrokerBody;
import dev.bolide.remoting.RemotingClient;
import dev.bolide.broker.topic.VersionedTopics;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import dev.bolide.broker.namesrv.RouteTable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A name server reached over the network at {@code host:port} (Bolide's or RocketMQ's): the
 * requests carry the header fields and the uncompressed body a RocketMQ 4.9 broker sends.
 */
public final class RemoteNameServer implements NameServerEndpoint {
    /** RocketMQ's {@code registerBrokerTimeoutMills}. */
    static final Duration TIMEOUT = Duration.ofSeconds(6);

    private final String address;
    private final RemotingClient client;

    public RemoteNameServer(String address, RemotingClient client) {
        this.address = address;
        this.client = client;
    }

    @Override
    public CompletableFuture<Optional<RouteTable.Master>> register(BrokerIdentity broker, VersionedTopics topics) {
        byte[] body = RegisterBrokerBody.encode(topics);
        Map<String, String> fields = identityFields(broker);
        // a RocketMQ name server refuses the request when this not-null field is missing
        fields.put("haServerAddr", broker.haServerAddr());
        fields.put("compressed", "false");
        fields.put("bodyCrc32", Integer.toString(RegisterBrokerBody.crc32(body)));
        return call(RequestCode.REGISTER_BROKER, fields, body).thenApply(response ->
                Optional.ofNullable(response.field("masterAddr"))
                        .map(master -> new RouteTable.Master(master, response.field("haServerAddr"))));
    }

    @Override
    public CompletableFuture<Void> unregister(BrokerIdentity broker) {
        return call(RequestCode.UNREGISTER_BROKER, identityFields(broker), null).thenApply(response -> null);
    }

    private static Map<String, String> identityFields(BrokerIdentity broker) {
        Map<String, String> fields = new HashMap<>();
        fields.put("brokerName", broker.brokerName());
        fields.put("brokerAddr", broker.address());
        fields.put("clusterName", broker.cluster());
        fields.put("brokerId", Long.toString(broker.brokerId()));
        return fields;
    }

    private CompletableFuture<RemotingCommand> call(int code, Map<String, String> fields, byte[] body) {
        return client.invoke(address, code, fields, body, TIMEOUT).thenApply(response -> {
            if (response.code() != ResponseCode.SUCCESS) {
                throw new CompletionException(new IOException("name server " + address + " refused request " + code
                        + ": code " + response.code() + ", " + response.remark()));
            }
            return response;
        });
    }

    @Override
    public String toString() {
        return "name server " + address;
    }
}
