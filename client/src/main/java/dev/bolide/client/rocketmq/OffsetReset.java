package dev.bolide.client.rocketmq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.protocol.remoting.ObjectKeyJson;
import dev.bolide.protocol.remoting.RemotingCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A broker's RESET_CONSUMER_CLIENT_OFFSET (mqadmin {@code resetOffsetByTime} on a live group):
 * where each of the group's queues on that broker starts again. The broker has stored the offsets
 * already; the members move their pulls there.
 *
 * @param group   the consumer group
 * @param offsets the next offset to consume, per queue
 */
public record OffsetReset(String group, Map<MessageQueue, Long> offsets) {
    private static final JsonFactory JSON = new JsonFactory();

    /** @throws IllegalArgumentException for a body that is not a ResetOffsetBody */
    static OffsetReset of(RemotingCommand request) {
        String body = request.body() == null ? "{}" : new String(request.body(), StandardCharsets.UTF_8);
        try {
            return new OffsetReset(request.field("group"), offsetTable(ObjectKeyJson.quoteObjectKeys(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a ResetOffsetBody: " + e.getMessage(), e);
        }
    }

    private static Map<MessageQueue, Long> offsetTable(String body) throws IOException {
        Map<MessageQueue, Long> offsets = new HashMap<>();
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                json.nextToken();
                if (!json.currentName().equals("offsetTable")) {
                    json.skipChildren();
                    continue;
                }
                expect(json.currentToken(), JsonToken.START_OBJECT);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    MessageQueue queue = messageQueue(json.currentName());
                    json.nextToken();
                    offsets.put(queue, json.getLongValue());
                }
            }
        }
        return offsets;
    }

    /** A MessageQueue key: {@code {"brokerName":"b","queueId":0,"topic":"T"}}. */
    private static MessageQueue messageQueue(String key) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser json = JSON.createParser(key)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                fields.put(name, json.getValueAsString());
            }
        }
        if (!fields.keySet().containsAll(List.of("topic", "brokerName", "queueId"))) {
            throw new IOException("a queue without topic, brokerName or queueId: " + key);
        }
        return new MessageQueue(fields.get("topic"), fields.get("brokerName"), Integer.parseInt(fields.get("queueId")));
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
