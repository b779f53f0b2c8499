package dev.bolide.broker.topic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The broker's topics, persisted on every change in {@code config/topics.json} in RocketMQ's shape
 * ({@code {"dataVersion":{"counter":N,"timestamp":T},"topicConfigTable":{...}}}). The data version
 * grows with every change, so name servers can tell a newer registration from an older one.
 */
public final class TopicConfigTable {
    private static final JsonFactory JSON = new JsonFactory();

    private final MetadataFile file;
    private final Clock clock;
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private DataVersion dataVersion;

    /** The version of the table: a counter bumped on every change, and when that happened. */
    public record DataVersion(long counter, long timestamp) {
    }

    private TopicConfigTable(MetadataFile file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.dataVersion = new DataVersion(0, clock.millis());
    }

    public static TopicConfigTable load(MetadataFile file, Clock clock) throws IOException {
        TopicConfigTable table = new TopicConfigTable(file, clock);
        file.load(table::parse).ifPresent(loaded -> table.topics.putAll(loaded));
        return table;
    }

    /** Told after every change (the broker re-registers its topics with the name server). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    public Optional<TopicConfig> find(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }

    public Map<String, TopicConfig> all() {
        return Map.copyOf(topics);
    }

    public synchronized DataVersion dataVersion() {
        return dataVersion;
    }

    /** Adds or replaces a topic (its name checked) and persists the table. */
    public synchronized void put(TopicConfig config) throws IOException {
        topics.put(TopicName.check(config.topicName()), config);
        changed();
    }

    public synchronized boolean delete(String topic) throws IOException {
        boolean removed = topics.remove(topic) != null;
        if (removed) {
            changed();
        }
        return removed;
    }

    /**
     * Creates {@code topic} from an inheritable {@code template} (RocketMQ's auto-creation on send):
     * {@code min(requestedQueues, template's write queues)} queues, the template's permission
     * without inheritance and its filter type. Returns the existing topic if there is one, empty
     * when the template does not allow inheritance.
     */
    public synchronized Optional<TopicConfig> createFrom(String topic, TopicConfig template, int requestedQueues)
            throws IOException {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (!template.isInheritable()) {
            return Optional.empty();
        }
        int queues = Math.max(0, Math.min(requestedQueues, template.writeQueueNums()));
        TopicConfig created = new TopicConfig(topic, queues, queues, template.perm() & ~TopicConfig.PERM_INHERIT,
                template.topicFilterType(), 0, false);
        put(created);
        return Optional.of(created);
    }

    private void changed() throws IOException {
        dataVersion = new DataVersion(dataVersion.counter() + 1, clock.millis());
        file.store(serialize());
        changeListeners.forEach(Runnable::run);
    }

    private String serialize() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("dataVersion");
            json.writeNumberField("counter", dataVersion.counter());
            json.writeNumberField("timestamp", dataVersion.timestamp());
            json.writeEndObject();
            json.writeObjectFieldStart("topicConfigTable");
            for (TopicConfig topic : new TreeMap<>(topics).values()) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Map<String, TopicConfig> parse(String content) {
        Map<String, TopicConfig> parsed = new TreeMap<>();
        try (JsonParser json = JSON.createParser(content)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String section = json.currentName();
                json.nextToken();
                if (section.equals("dataVersion")) {
                    dataVersion = parseDataVersion(json);
                } else if (section.equals("topicConfigTable")) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String name = json.currentName();
                        json.nextToken();
                        parsed.put(name, parseTopic(name, json));
                    }
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a topics file: " + e.getMessage(), e);
        }
        return parsed;
    }

    private static DataVersion parseDataVersion(JsonParser json) throws IOException {
        long counter = 0;
        long timestamp = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "counter" -> counter = json.getValueAsLong();
                case "timestamp" -> timestamp = json.getValueAsLong();
                default -> json.skipChildren();
            }
        }
        return new DataVersion(counter, timestamp);
    }

    private static TopicConfig parseTopic(String name, JsonParser json) throws IOException {
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
