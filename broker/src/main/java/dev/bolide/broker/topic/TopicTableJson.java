package dev.bolide.broker.topic;

import dev.bolide.broker.metadata.DataVersion;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of a {@link VersionedTopics}, in RocketMQ's shape
 * ({@code {"dataVersion":{"counter":N,"timestamp":T},"topicConfigTable":{"name":{...}}}}). The same
 * object is the content of {@code topics.json} and the {@code topicConfigSerializeWrapper} of a
 * broker registration, so both are written and read here.
 */
public final class TopicTableJson {
    private TopicTableJson() {
    }

    /** Writes the object; topics in name order, their properties in fastjson's alphabetical order. */
    public static void write(JsonGenerator json, VersionedTopics table) throws IOException {
        json.writeStartObject();
        json.writeFieldName("dataVersion");
        table.dataVersion().write(json);
        json.writeObjectFieldStart("topicConfigTable");
        for (TopicConfig topic : new TreeMap<>(table.topics()).values()) {
            json.writeObjectFieldStart(topic.topicName());
            json.writeBooleanField("order", topic.order());
            json.writeNumberField("perm", topic.perm());
            json.writeNumberField("readQueueNums", topic.readQueueNums());
            json.writeStringField("topicFilterType", topic.topicFilterType());
            json.writeStringField("topicName", topic.topicName());
            json.writeNumberField("topicSysFlag", topic.topicSysFlag());
            json.writeNumberField("writeQueueNums", topic.writeQueueNums());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Reads the object the parser is on (its current token is START_OBJECT). Unknown properties
     * are skipped; a missing data version reads as counter 0, timestamp 0.
     *
     * @throws IllegalArgumentException when the JSON does not have this shape
     */
    public static VersionedTopics read(JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.START_OBJECT);
        DataVersion version = new DataVersion(0, 0);
        Map<String, TopicConfig> topics = new TreeMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String section = json.currentName();
            json.nextToken();
            if (section.equals("dataVersion")) {
                version = DataVersion.read(json);
            } else if (section.equals("topicConfigTable")) {
                expect(json.currentToken(), JsonToken.START_OBJECT);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    topics.put(name, readTopic(name, json));
                }
            } else {
                json.skipChildren();
            }
        }
        return new VersionedTopics(version, topics);
    }

    private static TopicConfig readTopic(String name, JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.START_OBJECT);
        TopicConfig defaults = TopicConfig.of(name, 16);
        int read = defaults.readQueueNums();
        int write = defaults.writeQueueNums();
        int perm = defaults.perm();
        String filterType = defaults.topicFilterType();
        int sysFlag = 0;
        boolean order = false;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "readQueueNums" -> read = json.getValueAsInt();
                case "writeQueueNums" -> write = json.getValueAsInt();
                case "perm" -> perm = json.getValueAsInt();
                case "topicFilterType" -> filterType = json.getValueAsString();
                case "topicSysFlag" -> sysFlag = json.getValueAsInt();
                case "order" -> order = json.getValueAsBoolean();
                default -> json.skipChildren();
            }
        }
        return new TopicConfig(name, read, write, perm, filterType, sysFlag, order);
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + " but found " + actual);
        }
    }
}
