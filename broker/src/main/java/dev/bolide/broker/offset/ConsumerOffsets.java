package dev.bolide.broker.offset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.metadata.NestedTableJson;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Committed offsets keyed {@code topic@group}, then queue id, persisted in
 * {@code config/consumerOffset.json} in RocketMQ's shape ({@code {"offsetTable":{"T@G":{"0":5}}}}).
 * Queue ids are written as quoted keys (standard JSON, which fastjson readers accept) and read
 * quoted or not, so a RocketMQ broker's own file can be taken over.
 */
public final class ConsumerOffsets {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();
    private static final String SEPARATOR = "@";
    private static final String OFFSET_TABLE = "offsetTable";

    private final MetadataFile file;
    private final Map<String, Map<Integer, Long>> offsets = new ConcurrentHashMap<>();

    private ConsumerOffsets(MetadataFile file) {
        this.file = file;
    }

    /** Loads the offsets saved in {@code file}, if any. */
    public static ConsumerOffsets load(MetadataFile file) throws IOException {
        ConsumerOffsets table = new ConsumerOffsets(file);
        file.load(ConsumerOffsets::parse).ifPresent(table.offsets::putAll);
        return table;
    }

    private static String key(String group, String topic) {
        return topic + SEPARATOR + group;
    }

    /** Records {@code offset} as the next offset {@code group} will consume from the queue. */
    public void commit(String group, String topic, int queueId, long offset) {
        offsets.computeIfAbsent(key(group, topic), k -> new ConcurrentHashMap<>()).put(queueId, offset);
    }

    /** The committed offset, or empty when the group never committed one for the queue. */
    public OptionalLong committed(String group, String topic, int queueId) {
        Map<Integer, Long> queues = offsets.get(key(group, topic));
        Long offset = queues == null ? null : queues.get(queueId);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Topics the group has committed offsets on. */
    public Set<String> topicsOf(String group) {
        return offsets.keySet().stream().filter(key -> key.endsWith(SEPARATOR + group))
                .map(key -> key.substring(0, key.length() - group.length() - 1)).collect(Collectors.toSet());
    }

    /** Groups that have committed offsets on the topic. */
    public Set<String> groupsOf(String topic) {
        return offsets.keySet().stream().filter(key -> key.startsWith(topic + SEPARATOR))
                .map(key -> key.substring(topic.length() + 1)).collect(Collectors.toSet());
    }

    /** Shows {@code visitor} every committed offset. */
    public void forEachCommitted(CommittedOffset visitor) {
        offsets.forEach((key, queues) -> {
            int separator = key.lastIndexOf(SEPARATOR);
            String topic = key.substring(0, separator);
            String group = key.substring(separator + 1);
            queues.forEach((queueId, offset) -> visitor.visit(group, topic, queueId, offset));
        });
    }

    /** One committed offset: the next offset {@code group} will consume from a queue. */
    @FunctionalInterface
    public interface CommittedOffset {
        void visit(String group, String topic, int queueId, long offset);
    }

    /** Gives {@code destGroup} the offsets {@code srcGroup} committed on the topic, replacing its own. */
    public void copy(String srcGroup, String destGroup, String topic) {
        Map<Integer, Long> source = offsets.get(key(srcGroup, topic));
        if (source != null) {
            offsets.put(key(destGroup, topic), new ConcurrentHashMap<>(source));
        }
    }

    /** Forgets every offset of the group (on every topic). */
    public void removeGroup(String group) {
        offsets.keySet().removeIf(key -> key.endsWith(SEPARATOR + group));
    }

    /**
     * A slave's copy of its master's offsets ({@code json}: GET_ALL_CONSUMER_OFFSET's body), as
     * RocketMQ's {@code SlaveSynchronize} takes them: each {@code topic@group} the master has replaces
     * this table's; the others (committed to the slave while the master was away) stay.
     *
     * @throws IllegalArgumentException when {@code json} is not an offset table
     */
    public void copyMasters(String json) {
        offsets.putAll(parse(json));
    }

    /** Writes the offsets to the file; the broker calls it periodically and at shutdown. */
    public void persist() throws IOException {
        file.store(serialize());
    }

    /** The table in the file's shape: the body of GET_ALL_CONSUMER_OFFSET. */
    public String serialize() {
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        new TreeMap<>(offsets).forEach((key, queues) -> {
            Map<String, Long> byQueue = new LinkedHashMap<>();
            new TreeMap<>(queues).forEach((queueId, offset) -> byQueue.put(Integer.toString(queueId), offset));
            table.put(key, byQueue);
        });
        return NestedTableJson.write(JSON, OFFSET_TABLE, table, JsonGenerator::writeNumberField);
    }

    private static Map<String, Map<Integer, Long>> parse(String content) {
        Map<String, Map<Integer, Long>> table = new ConcurrentHashMap<>();
        try {
            NestedTableJson.read(JSON, content, OFFSET_TABLE, JsonParser::getValueAsLong).forEach((key, queues) -> {
                Map<Integer, Long> byQueue = new ConcurrentHashMap<>();
                queues.forEach((queueId, offset) -> byQueue.put(Integer.parseInt(queueId), offset));
                table.put(key, byQueue);
            });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a consumer offset file: " + e.getMessage(), e);
        }
        return table;
    }
}
