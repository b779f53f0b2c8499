package dev.bolide.store.consumequeue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every ConsumeQueue of the store, under {@code consumequeue/<topic>/<queueId>/}. Queues are created
 * and deleted under the table's lock, so that deleting a queue's directory never races with
 * creating it again (the dispatcher writing a late message of a deleted topic).
 */
public final class ConsumeQueueTable implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConsumeQueueTable.class.getName());
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
            return existing; // the common case, without the lock
        }
        synchronized (this) {
            return queuesOf(topic).computeIfAbsent(queueId, id -> {
                try {
                    return ConsumeQueue.open(directory(topic, id), topic, id, segmentSize);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create ConsumeQueue " + topic + "-" + id, e);
                }
            });
        }
    }

    private Path directory(String topic, int queueId) {
        return root.resolve(topic).resolve(Integer.toString(queueId));
    }

    /**
     * Writes a unit ({@link ConsumeQueue#put}); when the queue found was destroyed meanwhile, into the
     * queue that replaces it.
     */
    public void put(String topic, int queueId, long queueOffset, long physicalOffset, int size, long tagsCode) {
        while (!findOrCreate(topic, queueId).put(queueOffset, physicalOffset, size, tagsCode)) {
            // the destroyed queue left the table before it refused the unit: the next look creates a new one
        }
    }

    /** Deletes every queue of the topic (files and directories); returns how many there were. */
    public synchronized int deleteTopic(String topic) {
        Map<Integer, ConsumeQueue> byId = queues.remove(topic);
        if (byId == null) {
            return 0;
        }
        byId.values().forEach(this::destroy);
        deleteDirectoryIfEmpty(root.resolve(topic));
        return byId.size();
    }

    /** Deletes one queue (files and directory), and its topic's directory when it was the last. */
    public synchronized void delete(ConsumeQueue queue) {
        Map<Integer, ConsumeQueue> byId = queues.get(queue.topic());
        if (byId == null || !byId.remove(queue.queueId(), queue)) {
            return;
        }
        destroy(queue);
        if (byId.isEmpty()) {
            queues.remove(queue.topic());
            deleteDirectoryIfEmpty(root.resolve(queue.topic()));
        }
    }

    private void destroy(ConsumeQueue queue) {
        queue.destroy();
        deleteDirectoryIfEmpty(directory(queue.topic(), queue.queueId()));
    }

    /**
     * A directory that still holds a segment a reader had not let go of yet stays; an empty one is
     * opened as an empty queue at the next start, as a queue never written.
     */
    private static void deleteDirectoryIfEmpty(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException stillHeld) {
            LOG.log(System.Logger.Level.DEBUG, "{0} stays: a reader still holds a segment", directory);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete {0}: {1}", directory, e.toString());
        }
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
