package dev.bolide.broker.group;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.broker.metadata.MetadataFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer groups this broker knows, persisted on every change in
 * {@code config/subscriptionGroup.json} in RocketMQ's shape
 * ({@code {"dataVersion":{...},"subscriptionGroupTable":{"CG":{...}}}}). Groups are created with
 * RocketMQ's defaults the first time a consumer uses them, unless {@code autoCreateSubscriptionGroup}
 * is off; groups named {@code CID_RMQ_SYS_*} are always created.
 */
public final class SubscriptionGroupTable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";
    /** Groups RocketMQ's own tools use; they exist from the start. */
    private static final Set<String> PREDEFINED = Set.of("TOOLS_CONSUMER", "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP",
            "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER");

    private final MetadataFile file;
    private final Clock clock;
    private final boolean autoCreate;
    private final Map<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
    private DataVersion dataVersion;

    private SubscriptionGroupTable(MetadataFile file, Clock clock, boolean autoCreate) {
        this.file = file;
        this.clock = clock;
        this.autoCreate = autoCreate;
        this.dataVersion = new DataVersion(0, clock.millis());
        PREDEFINED.forEach(name -> groups.put(name, SubscriptionGroupConfig.defaults(name)));
    }

    public static SubscriptionGroupTable load(MetadataFile file, Clock clock, boolean autoCreate) throws IOException {
        SubscriptionGroupTable table = new SubscriptionGroupTable(file, clock, autoCreate);
        file.load(SubscriptionGroupTable::parse).ifPresent(loaded -> {
            table.groups.putAll(loaded.groups());
            if (loaded.dataVersion() != null) {
                table.dataVersion = loaded.dataVersion();
            }
        });
        return table;
    }

    /** Every group's name, the predefined ones included. */
    public Set<String> names() {
        return Set.copyOf(groups.keySet());
    }

    public Optional<SubscriptionGroupConfig> find(String groupName) {
        return Optional.ofNullable(groups.get(groupName));
    }

    /** The group, created with the defaults when the broker may create it; empty otherwise. */
    public Optional<SubscriptionGroupConfig> findOrCreate(String groupName) throws IOException {
        SubscriptionGroupConfig existing = groups.get(groupName);
        if (existing != null || !(autoCreate || groupName.startsWith(SYSTEM_GROUP_PREFIX))) {
            return Optional.ofNullable(existing);
        }
        synchronized (this) {
            SubscriptionGroupConfig created = groups.get(groupName);
            if (created == null) {
                created = SubscriptionGroupConfig.defaults(groupName);
                groups.put(groupName, created);
                changed();
            }
            return Optional.of(created);
        }
    }

    public synchronized void put(SubscriptionGroupConfig group) throws IOException {
        groups.put(group.groupName(), group);
        changed();
    }

    public synchronized boolean delete(String groupName) throws IOException {
        boolean removed = groups.remove(groupName) != null;
        if (removed) {
            changed();
        }
        return removed;
    }

    /** The whole table in the file's shape: the body of GET_ALL_SUBSCRIPTIONGROUP_CONFIG. */
    public synchronized String serialize() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName("dataVersion");
            dataVersion.write(json);
            json.writeObjectFieldStart("subscriptionGroupTable");
            for (SubscriptionGroupConfig group : new TreeMap<>(groups).values()) {
                json.writeFieldName(group.groupName());
                SubscriptionGroupJson.write(json, group);
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A slave's copy of its master's table ({@code json}: GET_ALL_SUBSCRIPTIONGROUP_CONFIG's body):
     * taken with the master's data version, and persisted, when that version differs from this
     * table's, as RocketMQ's {@code SlaveSynchronize} does.
     *
     * @return whether the table changed
     * @throws IllegalArgumentException when {@code json} is not a subscription group table
     */
    public synchronized boolean copyMasters(String json) throws IOException {
        Parsed master = parse(json);
        if (master.dataVersion() == null || master.dataVersion().equals(dataVersion)) {
            return false;
        }
        groups.clear();
        groups.putAll(master.groups());
        dataVersion = master.dataVersion();
        file.store(serialize());
        return true;
    }

    private void changed() throws IOException {
        dataVersion = dataVersion.next(clock.millis());
        file.store(serialize());
    }

    /** A table as read: its data version (null when the file has none) and its groups. */
    private record Parsed(DataVersion dataVersion, Map<String, SubscriptionGroupConfig> groups) {
    }

    private static Parsed parse(String content) {
        Map<String, SubscriptionGroupConfig> parsed = new TreeMap<>();
        DataVersion dataVersion = null;
        try (JsonParser json = JSON.createParser(content)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String section = json.currentName();
                json.nextToken();
                switch (section) {
                    case "dataVersion" -> dataVersion = DataVersion.read(json);
                    case "subscriptionGroupTable" -> {
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String name = json.currentName();
                            json.nextToken();
                            parsed.put(name, SubscriptionGroupJson.read(json, name));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a subscription group file: " + e.getMessage(), e);
        }
        return new Parsed(dataVersion, parsed);
    }
}
