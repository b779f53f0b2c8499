package dev.bolide.store.retention;

import dev.bolide.store.StoreConfig;
import dev.bolide.store.commitlog.CommitLog;
import dev.bolide.store.consumequeue.ConsumeQueue;
import dev.bolide.store.consumequeue.ConsumeQueueTable;
import dev.bolide.store.index.IndexService;
import dev.bolide.store.segment.MappedSegment;
import dev.bolide.store.worker.WorkerLoop;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Every {@code cleanResourceInterval}: measures disk use, refuses appends above
 * {@code diskSpaceWarningLevelRatio}, and deletes the oldest CommitLog segments that are older
 * than {@code fileReservedTime} at a {@code deleteWhen} hour or whenever use is above
 * {@code diskMaxUsedSpaceRatio} (expired or not above {@code diskSpaceCleanForciblyRatio}).
 * The newest segment and anything not yet dispatched are never deleted.
 */
public final class RetentionService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RetentionService.class.getName());

    private final StoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final LongSupplier dispatchedOffset;
    private final FileStore fileStore;
    private final WorkerLoop loop;

    public RetentionService(StoreConfig config, CommitLog commitLog, ConsumeQueueTable queues, IndexService index,
            LongSupplier dispatchedOffset) throws IOException {
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.dispatchedOffset = dispatchedOffset;
        this.fileStore = Files.getFileStore(config.storePathCommitLog());
        this.loop = WorkerLoop.periodic("bolide-retention", config.cleanResourceInterval().toNanos(), true,
                this::runSafely);
    }

    public void start() {
        loop.start();
    }

    private void runSafely() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "retention round failed", e);
        }
    }

    /** One round; public so that an operator command (and tests) can trigger it. */
    public synchronized int run() throws IOException {
        double usage = diskUsage();
        refuseAppendsIfFull(usage);
        boolean deleteHour = config.deleteWhen().contains(LocalTime.now(config.clock()).getHour());
        if (!deleteHour && usage <= config.diskMaxUsedSpaceRatio()) {
            return 0;
        }
        int deleted = deleteSegments(usage > config.diskSpaceCleanForciblyRatio());
        if (deleted > 0) {
            deleteDerivedFiles();
            refuseAppendsIfFull(diskUsage());
        }
        return deleted;
    }

    private double diskUsage() throws IOException {
        long total = fileStore.getTotalSpace();
        return total == 0 ? 0 : 1.0 - (double) fileStore.getUsableSpace() / total;
    }

    private void refuseAppendsIfFull(double usage) {
        if (usage > config.diskSpaceWarningLevelRatio()) {
            String explanation = String.format(Locale.ROOT, "disk full: %.1f%% of the disk holding %s is used, "
                    + "above diskSpaceWarningLevelRatio %.1f%%; appends are refused until space is freed",
                    usage * 100, config.storePathCommitLog(), config.diskSpaceWarningLevelRatio() * 100);
            LOG.log(System.Logger.Level.ERROR, explanation);
            commitLog.refuseAppends(explanation);
        } else {
            commitLog.refuseAppends(null);
        }
    }

    private int deleteSegments(boolean forcibly) {
        long expiredBefore = config.clock().millis() - config.fileReservedTime().toMillis();
        int deleted = 0;
        List<MappedSegment> segments = commitLog.segments().segments();
        for (int i = 0; i < segments.size() - 1 && deleted < config.deleteFilesBatchMax(); i++) {
            MappedSegment segment = segments.get(i);
            boolean expired = segment.lastModifiedMillis() <= expiredBefore;
            if (!(expired || forcibly) || segment.endOffset() > dispatchedOffset.getAsLong()) {
                break;
            }
            LOG.log(System.Logger.Level.INFO, "deleting CommitLog segment {0} ({1})", segment.path(),
                    expired ? "expired" : "disk above diskSpaceCleanForciblyRatio");
            commitLog.segments().deleteFirst();
            deleted++;
        }
        return deleted;
    }

    private void deleteDerivedFiles() {
        long min = commitLog.minOffset();
        for (ConsumeQueue queue : queues.all()) {
            queue.deleteSegmentsBelow(min);
        }
        if (index != null) {
            index.deleteFilesBelow(min);
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
