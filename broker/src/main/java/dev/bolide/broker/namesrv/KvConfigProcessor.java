package dev.bolide.broker.namesrv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * PUT_KV_CONFIG, GET_KV_CONFIG, DELETE_KV_CONFIG and GET_KVLIST_BY_NAMESPACE on the
 * {@link KvConfigTable} (mqadmin {@code updateKvConfig}, {@code deleteKvConfig},
 * {@code updateOrderConf}), with RocketMQ's answers: a missing value or namespace is
 * QUERY_NOT_FOUND with RocketMQ's remark.
 */
final class KvConfigProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final KvConfigTable table;

    KvConfigProcessor(KvConfigTable table) {
        this.table = table;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        String namespace = request.field("namespace");
        String key = request.field("key");
        boolean keyed = request.code() != RequestCode.GET_KVLIST_BY_NAMESPACE;
        if (namespace == null || keyed && key == null) {
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    keyed ? "namespace or key is null" : "namespace is null", null, null));
        }
        RemotingCommand response = switch (request.code()) {
            case RequestCode.PUT_KV_CONFIG -> put(request, namespace, key);
            case RequestCode.GET_KV_CONFIG -> table.get(namespace, key)
                    .map(value -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, Map.of("value", value),
                            null))
                    .orElseGet(() -> notFound(request, "No config item, Namespace: " + namespace + " Key: " + key));
            case RequestCode.DELETE_KV_CONFIG -> {
                table.delete(namespace, key);
                yield success(request);
            }
            default -> table.namespace(namespace)
                    .map(values -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, kvTable(values)))
                    .orElseGet(() -> notFound(request, "No config item, Namespace: " + namespace));
        };
        return CompletableFuture.completedFuture(response);
    }

    private RemotingCommand put(RemotingCommand request, String namespace, String key) throws IOException {
        String value = request.field("value");
        if (value == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "value is null", null, null);
        }
        table.put(namespace, key, value);
        return success(request);
    }

    /** RocketMQ's {@code KVTable} body: {@code {"table":{"key":"value"}}}. */
    static byte[] kvTable(Map<String, String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("table");
            for (Map.Entry<String, String> value : new TreeMap<>(values).entrySet()) {
                json.writeStringField(value.getKey(), value.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }

    private static RemotingCommand notFound(RemotingCommand request, String remark) {
        return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND, remark, null, null);
    }
}
