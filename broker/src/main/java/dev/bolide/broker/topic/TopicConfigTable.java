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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The broker's topics, persisted on every change in {@code config/topics.json} in RocketMQ's shape
 * ({@link TopicTableJson}). The data version grows with every change, so name servers can tell a
 * newer registration from an older one.
 * <p>
 * A topic created on a send is persisted on another thread ({@link #createFrom}): writing the file
 * forces the disk, and a send may run on a connection's I/O thread. Until the file holds it,
 * {@link #persisted} tells the sends to that topic, which answer only once it does: an acknowledged
 * message is never in a topic the broker forgets in a crash.
 */
public final class TopicConfigTable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final CompletableFuture<Void> ON_DISK = CompletableFuture.completedFuture(null);

    private final MetadataFile file;
    private final Clock clock;
    private final Executor persister;
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    /** Topics created on a send, until the file holds them: when it will (failed when it could not). */
    private final Map<String, CompletableFuture<Void>> unpersisted = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    /** Held while writing the file, one writer at a time; taken before the table's own lock, never after. */
    private final Object writing = new Object();
    private DataVersion dataVersion;
    /** Guarded by {@link #writing}. */
    private DataVersion written;

    private TopicConfigTable(MetadataFile file, Clock clock, Executor persister) {
        this.file = file;
        this.clock = clock;
        this.persister = persister;
        this.dataVersion = new DataVersion(0, clock.millis());
    }

    /** A table that persists the topics created on a send on the thread that creates them. */
    public static TopicConfigTable load(MetadataFile file, Clock clock) throws IOException {
        return load(file, clock, Runnable::run);
    }

    /** @param persister writes the file after a topic is created on a send */
    public static TopicConfigTable load(MetadataFile file, Clock clock, Executor persister) throws IOException {
        TopicConfigTable table = new TopicConfigTable(file, clock, persister);
        file.load(TopicConfigTable::parse).ifPresent(loaded -> {
            table.topics.putAll(loaded.topics());
            table.dataVersion = loaded.dataVersion();
        });
        table.written = table.dataVersion;
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
    public void put(TopicConfig config) throws IOException {
        synchronized (this) {
            topics.put(TopicName.check(config.topicName()), config);
            dataVersion = dataVersion.next(clock.millis());
        }
        changed();
    }

    public boolean delete(String topic) throws IOException {
        synchronized (this) {
            if (topics.remove(topic) == null) {
                return false;
            }
            dataVersion = dataVersion.next(clock.millis());
        }
        changed();
        return true;
    }

    /**
     * Creates {@code topic} from an inheritable {@code template} (RocketMQ's auto-creation on send):
     * {@code min(requestedQueues, template's write queues)} queues, the template's permission
     * without inheritance and its filter type. Returns the existing topic if there is one, empty
     * when the template does not allow inheritance. The file is written as by {@link #createIfAbsent}.
     */
    public Optional<TopicConfig> createFrom(String topic, TopicConfig template, int requestedQueues) {
        TopicConfig existing = topics.get(topic);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (!template.isInheritable()) {
            return Optional.empty();
        }
        int queues = Math.max(0, Math.min(requestedQueues, template.writeQueueNums()));
        return Optional.of(createIfAbsent(new TopicConfig(topic, queues, queues,
                template.perm() & ~TopicConfig.PERM_INHERIT, template.topicFilterType(), 0, false)));
    }

    /**
     * Adds {@code config} (its name checked) unless its topic exists, for a send that needs it; the
     * file is written on the persister, which then tells the change listeners, and {@link #persisted}
     * says when. Returns the topic the table holds.
     */
    public TopicConfig createIfAbsent(TopicConfig config) {
        String topic = config.topicName();
        CompletableFuture<Void> persisted = new CompletableFuture<>();
        synchronized (this) {
            TopicConfig existing = topics.get(topic);
            if (existing != null) {
                return existing;
            }
            TopicName.check(topic);
            // told unpersisted before anyone finds it
            unpersisted.put(topic, persisted);
            topics.put(topic, config);
            dataVersion = dataVersion.next(clock.millis());
        }
        persistLater(topic, persisted);
        return config;
    }

    /**
     * Completes once the file holds {@code topic} (at once for a topic it held already); fails when
     * writing it failed, and asking again then tries again.
     */
    public CompletableFuture<Void> persisted(String topic) {
        CompletableFuture<Void> pending = unpersisted.get(topic);
        if (pending == null || !pending.isCompletedExceptionally()) {
            return pending == null ? ON_DISK : pending;
        }
        CompletableFuture<Void> again = new CompletableFuture<>();
        if (!unpersisted.replace(topic, pending, again)) {
            return persisted(topic);
        }
        persistLater(topic, again);
        return again;
    }

    private void persistLater(String topic, CompletableFuture<Void> persisted) {
        persister.execute(() -> {
            try {
                store();
                unpersisted.remove(topic, persisted);
                persisted.complete(null);
                changeListeners.forEach(Runnable::run);
            } catch (IOException | RuntimeException e) {
                persisted.completeExceptionally(e);
            }
        });
    }

    /**
     * A new data version for unchanged topics, persisted and told to the change listeners: what the
     * broker registers changed without them ({@code brokerPermission}), and name servers take a
     * broker's topics again only under a new version, as RocketMQ's {@code updateBrokerConfig} bumps it.
     */
    public void nextVersion() throws IOException {
        synchronized (this) {
            dataVersion = dataVersion.next(clock.millis());
        }
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
    public boolean copyMasters(String json) throws IOException {
        VersionedTopics master = parse(json);
        synchronized (this) {
            if (master.dataVersion().equals(dataVersion)) {
                return false;
            }
            topics.clear();
            topics.putAll(master.topics());
            dataVersion = master.dataVersion();
        }
        store();
        return true;
    }

    private void changed() throws IOException {
        store();
        changeListeners.forEach(Runnable::run);
    }

    /** Writes the table as it is now, unless the file holds this version already. */
    private void store() throws IOException {
        synchronized (writing) {
            DataVersion version;
            String content;
            synchronized (this) {
                version = dataVersion;
                content = serialize();
            }
            if (!version.equals(written)) {
                file.store(content);
                written = version;
            }
        }
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
