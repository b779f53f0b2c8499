package dev.bolide.store.consumequeue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Every ConsumeQueue of the store, under {@code consumequeue/<topic>/<queueId>/}. */
public final class ConsumeQueueTable implements AutoCloseable {
    private final Path root;
    private final int segmentSize;
    private final Map<String, Map<Integer, ConsumeQueue>> queues = new ConcurrentHashMap<>();

    private ConsumeQueueTable(Path root, int segmentSize) {
        this.root = root;
        this.segmentSize = segmentSize;
    }

    /** Opens every queue found on disk. */
    public static ConsumeQueueTable open(Path root, int segmentSize) throws IOException {
        Files.createDirectories(root);
        ConsumeQueueTable table = new ConsumeQueueTable(root, segmentSize);
        try (Stream<Path> topics = Files.list(root)) {
            for (Path topicDir : topics.filter(Files::isDirectory).toList()) {
                table.openTopic(topicDir);
            }
        } catch (IOException | RuntimeException e) {
            table.close();
            throw e;
        }
        return table;
    }

    private void openTopic(Path topicDir) throws IOException {
        String topic = topicDir.getFileName().toString();
        try (Stream<Path> queueDirs = Files.list(topicDir)) {
            for (Path queueDir : queueDirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                int queueId = Integer.parseInt(queueDir.getFileName().toString());
                queuesOf(topic).put(queueId, ConsumeQueue.open(queueDir, topic, queueId, segmentSize));
            }
        }
    }

    private Map<Integer, ConsumeQueue> queuesOf(String topic) {
        return queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
    }

    /** The queue, or null if nothing was ever dispatched to it. */
    public ConsumeQueue find(String topic, int queueId) {
        Map<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? null : byId.get(queueId);
    }

    public ConsumeQueue findOrCreate(String topic, int queueId) {
        ConsumeQueue existing = find(topic, queueId);
        if (existing != null) {
            return existing; // the common case, without computeIfAbsent's locking
        }
        return queuesOf(topic).computeIfAbsent(queueId, id -> {
            try {
                return ConsumeQueue.open(root.resolve(topic).resolve(Integer.toString(id)), topic, id, segmentSize);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create ConsumeQueue " + topic + "-" + id, e);
            }
        });
    }

    public Collection<ConsumeQueue> all() {
        List<ConsumeQueue> all = new ArrayList<>();
        queues.values().forEach(byId -> all.addAll(byId.values()));
        return all;
    }

    public void flush() {
        all().forEach(ConsumeQueue::flush);
    }

    @Override
    public void close() {
        all().forEach(ConsumeQueue::close);
        queues.clear();
    }
}
