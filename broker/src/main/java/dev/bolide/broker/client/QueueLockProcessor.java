package dev.bolide.broker.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * LOCK_BATCH_MQ and UNLOCK_BATCH_MQ: the body names the group, the client and the queues
 * ({@code {"clientId":..,"consumerGroup":..,"mqSet":[{"brokerName":..,"queueId":..,"topic":..}]}});
 * a lock answers with the queues the client now holds ({@code lockOKMQSet}).
 */
public final class QueueLockProcessor implements RequestProcessor {
    private static final JsonFactory JSON = new JsonFactory();

    private final QueueLocks locks;

    public QueueLockProcessor(QueueLocks locks) {
        this.locks = locks;
    }

    /** The request body, read. */
    private record LockRequest(String clientId, String group, List<QueueLocks.Queue> queues) {
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        LockRequest body;
        try {
            body = parse(request.body());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null));
        }
        byte[] answer = null;
        if (request.code() == RequestCode.LOCK_BATCH_MQ) {
            answer = lockOk(locks.lock(body.group(), body.clientId(), body.queues()));
        } else {
            locks.unlock(body.group(), body.clientId(), body.queues());
        }
        return CompletableFuture.completedFuture(
                RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, answer));
    }

    private static LockRequest parse(byte[] body) {
        String clientId = null;
        String group = null;
        List<QueueLocks.Queue> queues = new ArrayList<>();
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("lock request body is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "clientId" -> clientId = json.getValueAsString();
                    case "consumerGroup" -> group = json.getValueAsString();
                    case "mqSet" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new IllegalArgumentException("mqSet is not an array");
                        }
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            queues.add(queue(json));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("lock request body is not JSON: " + e.getMessage(), e);
        }
        if (clientId == null || group == null) {
            throw new IllegalArgumentException("lock request without clientId or consumerGroup");
        }
        return new LockRequest(clientId, group, queues);
    }

    private static QueueLocks.Queue queue(JsonParser json) throws IOException {
        String topic = null;
        String brokerName = null;
        int queueId = -1;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "topic" -> topic = json.getValueAsString();
                case "brokerName" -> brokerName = json.getValueAsString();
                case "queueId" -> queueId = json.getValueAsInt();
                default -> json.skipChildren();
            }
        }
        return new QueueLocks.Queue(topic, brokerName, queueId);
    }

    private static byte[] lockOk(List<QueueLocks.Queue> queues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("lockOKMQSet");
            for (QueueLocks.Queue queue : queues) {
                json.writeStartObject();
                json.writeStringField("brokerName", queue.brokerName());
                json.writeNumberField("queueId", queue.queueId());
                json.writeStringField("topic", queue.topic());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
