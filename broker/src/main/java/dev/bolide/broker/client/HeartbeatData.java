package dev.bolide.broker.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of HEART_BEAT: the client's id, its consumer groups with their subscriptions, and its
 * producer groups. Unknown properties are skipped, as fastjson would.
 */
public record HeartbeatData(String clientId, List<Consumer> consumers, List<String> producerGroups) {
    private static final JsonFactory JSON = new JsonFactory();

    /** One consumer group of the client. */
    public record Consumer(String groupName, String consumeType, String messageModel, String consumeFromWhere,
            List<Subscription> subscriptions) {
    }

    /** @throws IllegalArgumentException when the body is not a heartbeat */
    public static HeartbeatData parse(byte[] body) {
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            String clientId = null;
            List<Consumer> consumers = new ArrayList<>();
            List<String> producers = new ArrayList<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "clientID" -> clientId = json.getValueAsString();
                    case "consumerDataSet" -> forEachObject(json, () -> consumers.add(consumer(json)));
                    case "producerDataSet" -> forEachObject(json, () -> producers.add(groupName(json)));
                    default -> json.skipChildren();
                }
            }
            if (clientId == null) {
                throw new IllegalArgumentException("heartbeat without clientID");
            }
            producers.removeIf(java.util.Objects::isNull);
            return new HeartbeatData(clientId, consumers, producers);
        } catch (IOException e) {
            throw new IllegalArgumentException("heartbeat body is not JSON: " + e.getMessage(), e);
        }
    }

    private static Consumer consumer(JsonParser json) throws IOException {
        String group = null;
        String type = "CONSUME_PASSIVELY";
        String model = "CLUSTERING";
        String from = "CONSUME_FROM_LAST_OFFSET";
        List<Subscription> subscriptions = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "groupName" -> group = json.getValueAsString();
                case "consumeType" -> type = json.getValueAsString();
                case "messageModel" -> model = json.getValueAsString();
                case "consumeFromWhere" -> from = json.getValueAsString();
                case "subscriptionDataSet" -> forEachObject(json, () -> subscriptions.add(subscription(json)));
                default -> json.skipChildren();
            }
        }
        if (group == null) {
            throw new IllegalArgumentException("consumer data without groupName");
        }
        return new Consumer(group, type, model, from, subscriptions);
    }

    private static Subscription subscription(JsonParser json) throws IOException {
        String topic = null;
        String expression = "*";
        String type = "TAG";
        long version = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "topic" -> topic = json.getValueAsString();
                case "subString" -> expression = json.getValueAsString();
                case "expressionType" -> type = json.getValueAsString();
                case "subVersion" -> version = json.getValueAsLong();
                default -> json.skipChildren();
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("subscription without topic");
        }
        return new Subscription(topic, expression, type == null ? "TAG" : type, version);
    }

    private static String groupName(JsonParser json) throws IOException {
        String group = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if (field.equals("groupName")) {
                group = json.getValueAsString();
            } else {
                json.skipChildren();
            }
        }
        return group;
    }

    /** Reads an array of objects, handing each (positioned on its START_OBJECT) to {@code element}. */
    private static void forEachObject(JsonParser json, Element element) throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY);
        while (json.nextToken() == JsonToken.START_OBJECT) {
            element.read();
        }
        expect(json.currentToken(), JsonToken.END_ARRAY);
    }

    @FunctionalInterface
    private interface Element {
        void read() throws IOException;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("heartbeat: expected " + expected + " but found " + actual);
        }
    }
}
