package dev.bolide.store.retention;

import dev.bolide.store.RetentionFloor;
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
 * Every {@code cleanResourceInterval}: measures disk use, deletes the oldest CommitLog segments that
 * are older than {@code fileReservedTime} at a {@code deleteWhen} hour or whenever use is above
 * {@code diskMaxUsedSpaceRatio}, and refuses appends while use stays above
 * {@code diskSpaceWarningLevelRatio}. Above {@code diskSpaceCleanForciblyRatio}, with
 * {@code cleanFileForciblyEnable}, segments go before they expire, but only those whose messages
 * every reader has consumed ({@link RetentionFloor}) unless {@code cleanUnconsumedFileForciblyEnable}:
 * RocketMQ deletes them too, which lost 6,901 of 10,351 acknowledged, never consumed messages on a
 * nearly full disk. The newest segment and anything not yet dispatched are never deleted.
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
    private volatile RetentionFloor floor = RetentionFloor.EVERYTHING;
    /** Why forced cleaning kept files in the last round, or null; part of a disk-full refusal. */
    private String keptUnconsumed;

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

    public void setFloor(RetentionFloor floor) {
        this.floor = floor;
    }

    private void runSafely() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "retention round failed", e);
        }
    }

    /** One round, as the periodic one; public so that tests can trigger it. */
    public int run() throws IOException {
        return run(false);
    }

    /**
     * One round now that deletes expired files whatever the hour, as if it were a {@code deleteWhen}
     * hour: what an operator asks with {@code mqadmin deleteExpiredCommitLog} (RocketMQ makes its
     * next rounds delete-time rounds for the same request).
     */
    public int runAsDeleteHour() throws IOException {
        return run(true);
    }

    private synchronized int run(boolean asDeleteHour) throws IOException {
        double usage = diskUsage();
        boolean deleteHour = asDeleteHour || config.deleteWhen().contains(LocalTime.now(config.clock()).getHour());
        int deleted = 0;
        keptUnconsumed = null;
        if (deleteHour || usage > config.diskMaxUsedSpaceRatio()) {
            deleted = deleteSegments(config.cleanFileForciblyEnable() && usage > config.diskSpaceCleanForciblyRatio());
        }
        if (deleted > 0) {
            deleteDerivedFiles();
            usage = diskUsage();
        }
        refuseAppendsIfFull(usage);
        return deleted;
    }

    private double diskUsage() throws IOException {
        long total = fileStore.getTotalSpace();
        return total == 0 ? 0 : 1.0 - (double) fileStore.getUsableSpace() / total;
    }

    private void refuseAppendsIfFull(double usage) {
        if (usage > config.diskSpaceWarningLevelRatio()) {
            String explanation = String.format(Locale.ROOT, "disk full: %.1f%% of the disk holding %s is used, "
                    + "above diskSpaceWarningLevelRatio %.1f%%; appends are refused until space is freed%s",
                    usage * 100, config.storePathCommitLog(), config.diskSpaceWarningLevelRatio() * 100,
                    keptUnconsumed == null ? "" : "; " + keptUnconsumed);
            LOG.log(System.Logger.Level.ERROR, explanation);
            commitLog.refuseAppends(explanation);
        } else {
            commitLog.refuseAppends(null);
        }
    }

    /**
     * Deletes segments oldest first; the first one that may not go ends the round.
     *
     * @param forcibly whether unexpired segments may go (disk use above diskSpaceCleanForciblyRatio)
     */
    private int deleteSegments(boolean forcibly) {
        long expiredBefore = config.clock().millis() - config.fileReservedTime().toMillis();
        RetentionFloor.Needed needed = forcibly ? floor.lowestNeeded() : RetentionFloor.Needed.NOTHING;
        int deleted = 0;
        List<MappedSegment> segments = commitLog.segments().segments();
        for (int i = 0; i < segments.size() - 1 && deleted < config.deleteFilesBatchMax(); i++) {
            MappedSegment segment = segments.get(i);
            boolean expired = segment.lastModifiedMillis() <= expiredBefore;
            if (segment.endOffset() > dispatchedOffset.getAsLong() || !(expired || forcibly)) {
                break;
            }
            if (!expired && !mayDeleteUnexpired(segment, needed)) {
                keep(segment, segments.size() - 1 - i, needed);
                break;
            }
            LOG.log(System.Logger.Level.INFO, "deleting CommitLog segment {0} ({1})", segment.path(),
                    expired ? "expired" : "disk above diskSpaceCleanForciblyRatio");
            commitLog.segments().deleteFirst();
            deleted++;
        }
        return deleted;
    }

    private boolean mayDeleteUnexpired(MappedSegment segment, RetentionFloor.Needed needed) {
        return config.cleanUnconsumedFileForciblyEnable() || segment.endOffset() <= needed.commitLogOffset();
    }

    private void keep(MappedSegment segment, int unexpired, RetentionFloor.Needed needed) {
        keptUnconsumed = String.format(Locale.ROOT, "forced cleaning kept %d CommitLog file(s) from %s on because "
                + "they hold messages not consumed yet (the oldest at CommitLog offset %d, needed by %s); "
                + "consume them, or set cleanUnconsumedFileForciblyEnable=true to delete them as RocketMQ does",
                unexpired, segment.path().getFileName(), needed.commitLogOffset(), needed.neededBy());
        LOG.log(System.Logger.Level.WARNING, keptUnconsumed);
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
