package dev.bolide.broker.namesrv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.metadata.NestedTableJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The name server's key-value configuration (RocketMQ's {@code KVConfigManager}): values by key
 * within a namespace, such as {@code ORDER_TOPIC_CONFIG} ({@code mqadmin updateOrderConf}).
 * Persisted on every change in RocketMQ's {@code kvConfig.json} shape,
 * {@code {"configTable":{"namespace":{"key":"value"}}}}, so a RocketMQ name server's file can be
 * taken over.
 */
public final class KvConfigTable {
    /** The namespace of the order configuration of topics ({@code NamesrvUtil.NAMESPACE_ORDER_TOPIC_CONFIG}). */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";
    private static final JsonFactory JSON = new JsonFactory();
    private static final String CONFIG_TABLE = "configTable";

    private final MetadataFile file;
    private final String path;
    private final Map<String, Map<String, String>> namespaces = new TreeMap<>();

    private KvConfigTable(MetadataFile file, String path) {
        this.file = file;
        this.path = path;
    }

    /** @param path where the table is kept; reported as the name server's {@code kvConfigPath} */
    public static KvConfigTable load(Path path) throws IOException {
        KvConfigTable table = new KvConfigTable(new MetadataFile(path), path.toString());
        table.file.load(KvConfigTable::parse).ifPresent(table.namespaces::putAll);
        return table;
    }

    public String path() {
        return path;
    }

    public synchronized void put(String namespace, String key, String value) throws IOException {
        namespaces.computeIfAbsent(namespace, name -> new TreeMap<>()).put(key, value);
        file.store(serialize());
    }

    public synchronized Optional<String> get(String namespace, String key) {
        return Optional.ofNullable(namespaces.getOrDefault(namespace, Map.of()).get(key));
    }

    /** Removes the key; a namespace left empty stays (listing it answers an empty table, as in RocketMQ). */
    public synchronized void delete(String namespace, String key) throws IOException {
        Map<String, String> values = namespaces.get(namespace);
        if (values != null && values.remove(key) != null) {
            file.store(serialize());
        }
    }

    /** The namespace's values, or empty when it was never written. */
    public synchronized Optional<Map<String, String>> namespace(String namespace) {
        return Optional.ofNullable(namespaces.get(namespace)).map(Map::copyOf);
    }

    private String serialize() {
        return NestedTableJson.write(JSON, CONFIG_TABLE, namespaces, JsonGenerator::writeStringField);
    }

    private static Map<String, Map<String, String>> parse(String content) {
        Map<String, Map<String, String>> table = new TreeMap<>();
        try {
            NestedTableJson.read(JSON, content, CONFIG_TABLE, JsonParser::getValueAsString)
                    .forEach((namespace, values) -> table.put(namespace, new TreeMap<>(values)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a kvConfig file: " + e.getMessage(), e);
        }
        return table;
    }
}
