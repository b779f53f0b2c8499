package dev.bolide.store.index;

import dev.bolide.store.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The index files of the store, named by their creation time ({@code yyyyMMddHHmmssSSS}) as in
 * RocketMQ. Keys are indexed as {@code topic#key}. Written by the dispatcher thread only.
 */
public final class IndexService implements AutoCloseable {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneId.systemDefault());

    private final Path directory;
    private final int slotCount;
    private final int maxEntries;
    private final List<IndexFile> files = new CopyOnWriteArrayList<>();

    private IndexService(Path directory, int slotCount, int maxEntries) {
        this.directory = directory;
        this.slotCount = slotCount;
        this.maxEntries = maxEntries;
    }

    public static IndexService open(StoreConfig config) throws IOException {
        Path directory = config.indexDir();
        Files.createDirectories(directory);
        IndexService service = new IndexService(directory, config.maxHashSlotNum(), config.maxIndexNum());
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.delete(file);
                } else if (name.matches("\\d{17}")) {
                    service.files.add(IndexFile.open(file, Long.parseLong(name), service.slotCount, service.maxEntries));
                }
            }
            if (service.files.isEmpty()) {
                // created now rather than by the dispatcher's first indexed record: allocating the
                // slot table of a default-size file (20 MB) there would hold up every consumer
                service.writableFile();
            }
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** Offset of the last indexed record, or -1 when nothing is indexed. */
    public long lastIndexedOffset() {
        IndexFile last = last();
        return last == null || last.isEmpty() ? -1 : last.endPhyOffset();
    }

    /**
     * Indexes one record under each of its keys. A record at or below the last indexed offset was
     * indexed before and is skipped, so the CommitLog can be re-dispatched.
     */
    public void index(String topic, List<String> keys, long physicalOffset, long storeTimestamp) {
        if (keys.isEmpty() || physicalOffset <= lastIndexedOffset()) {
            return;
        }
        for (String key : keys) {
            IndexFile file = writableFile();
            file.put(topic + "#" + key, physicalOffset, storeTimestamp);
        }
    }

    private IndexFile writableFile() {
        IndexFile last = last();
        if (last != null && !last.isFull()) {
            return last;
        }
        if (last != null) {
            last.flush();
        }
        long name = Long.parseLong(NAME.format(Instant.now()));
        if (last != null && name <= last.name()) {
            name = last.name() + 1;
        }
        try {
            IndexFile created = IndexFile.create(directory.resolve(Long.toString(name)), name, slotCount, maxEntries);
            files.add(created);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index file in " + directory, e);
        }
    }

    private IndexFile last() {
        return files.isEmpty() ? null : files.get(files.size() - 1);
    }

    /**
     * CommitLog offsets of records indexed under {@code topic#key} with a store time in
     * [{@code begin}, {@code end}], newest first, at most {@code maxNum}. Hash collisions are
     * possible: callers check the key of each record.
     */
    public List<Long> query(String topic, String key, int maxNum, long begin, long end) {
        List<Long> offsets = new ArrayList<>();
        String indexKey = topic + "#" + key;
        List<IndexFile> snapshot = List.copyOf(files);
        for (int i = snapshot.size() - 1; i >= 0 && offsets.size() < maxNum; i--) {
            IndexFile file = snapshot.get(i);
            if (file.isEmpty()) {
                continue;
            }
            if (file.endTimestamp() < begin - 1000) {
                break;
            }
            if (file.beginTimestamp() <= end) {
                file.select(indexKey, maxNum, begin, end, offsets);
            }
        }
        return offsets;
    }

    /** The checkpointable state: which file is being written and how many entries it has. */
    public IndexPosition position() {
        IndexFile last = last();
        return last == null ? IndexPosition.NONE : new IndexPosition(last.name(), last.entryCount());
    }

    /**
     * After a crash: brings the index back to the checkpointed {@code position}, dropping files
     * created after it and entries written after it or referring past {@code commitLogEnd}.
     */
    public void repair(IndexPosition position, long commitLogEnd) {
        for (IndexFile file : List.copyOf(files)) {
            if (file.name() > position.fileName()) {
                files.remove(file);
                file.delete();
            } else if (file.name() == position.fileName()) {
                file.repair(position.entryCount(), commitLogEnd);
            } else if (file.endPhyOffset() >= commitLogEnd) {
                file.repair(Integer.MAX_VALUE, commitLogEnd);
            }
        }
    }

    /** Deletes index files (never the newest) whose entries all refer below the CommitLog's minimum. */
    public int deleteFilesBelow(long commitLogMinOffset) {
        int deleted = 0;
        while (files.size() > 1 && files.get(0).endPhyOffset() < commitLogMinOffset) {
            files.remove(0).delete();
            deleted++;
        }
        return deleted;
    }

    public void flush() {
        files.forEach(IndexFile::flush);
    }

    @Override
    public void close() {
        files.forEach(IndexFile::close);
        files.clear();
    }
}
