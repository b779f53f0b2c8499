package dev.bolide.broker.topic;

import dev.bolide.broker.metadata.DataVersion;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The broker's topics, persisted on every change in {@code config/topics.json} in RocketMQ's shape
 * ({@link TopicTableJson}). The data version grows with every change, so name servers can tell a
 * newer registration from an older one.
 */
public final class TopicConfigTable {
    private static final JsonFactory JSON = new JsonFactory();

    private final MetadataFile file;
    private final Clock clock;
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private DataVersion dataVersion;

    private TopicConfigTable(MetadataFile file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.dataVersion = new DataVersion(0, clock.millis());
    }

    public static TopicConfigTable load(MetadataFile file, Clock clock) throws IOException {
        TopicConfigTable table = new TopicConfigTable(file, clock);
        file.load(TopicConfigTable::parse).ifPresent(loaded -> {
            table.topics.putAll(loaded.topics());
            table.dataVersion = loaded.dataVersion();
        });
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

    /** The topics and the data version they are at, read together (a registration sends both). */
    public synchronized VersionedTopics snapshot() {
        return new VersionedTopics(dataVersion, topics);
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

    /**
     * A new data version for unchanged topics, persisted and told to the change listeners: what the
     * broker registers changed without them ({@code brokerPermission}), and name servers take a
     * broker's topics again only under a new version, as RocketMQ's {@code updateBrokerConfig} bumps it.
     */
    public synchronized void nextVersion() throws IOException {
        changed();
    }

    /**
     * A slave's copy of its master's table ({@code json}: GET_ALL_TOPIC_CONFIG's body): taken with
     * the master's data version, and persisted, when that version differs from this table's, as
     * RocketMQ's {@code SlaveSynchronize} does. Change listeners are not told: name servers route
     * the master's topics, not a slave's.
     *
     * @return whether the table changed
     * @throws IllegalArgumentException when {@code json} is not a topic table
     */
    public synchronized boolean copyMasters(String json) throws IOException {
        VersionedTopics master = parse(json);
        if (master.dataVersion().equals(dataVersion)) {
            return false;
        }
        topics.clear();
        topics.putAll(master.topics());
        dataVersion = master.dataVersion();
        file.store(serialize());
        return true;
    }

    private void changed() throws IOException {
        dataVersion = dataVersion.next(clock.millis());
        file.store(serialize());
        changeListeners.forEach(Runnable::run);
    }

    private String serialize() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            TopicTableJson.write(json, new VersionedTopics(dataVersion, topics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VersionedTopics parse(String content) {
        try (JsonParser json = JSON.createParser(content)) {
            json.nextToken();
            return TopicTableJson.read(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a topics file: " + e.getMessage(), e);
        }
    }
}
