package dev.bolide.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of a {@link MessageStore}. Names and defaults follow the RocketMQ {@code broker.conf}
 * keys, so that a broker can map an existing configuration file onto them one to one.
 */
public final class StoreConfig {
    /** A ConsumeQueue unit: commit-log offset (8), size (4), tag hash (8). */
    public static final int CONSUME_QUEUE_UNIT = 20;
    /** The largest possible record beyond its body: IPv6 hosts, longest topic, longest properties. */
    public static final int MAX_RECORD_OVERHEAD = 115 + 127 + Short.MAX_VALUE;

    private final Path storePathRootDir;
    private final Path storePathCommitLog;
    private final int mappedFileSizeCommitLog;
    private final int mappedFileSizeConsumeQueue;
    private final FlushDiskType flushDiskType;
    private final Boolean zeroFillCommitLog;
    private final Duration flushIntervalCommitLog;
    private final int flushCommitLogLeastPages;
    private final Duration flushCommitLogThoroughInterval;
    private final Duration syncFlushTimeout;
    private final Duration flushIntervalConsumeQueue;
    private final int maxMessageSize;
    private final boolean messageIndexEnable;
    private final int maxHashSlotNum;
    private final int maxIndexNum;
    private final boolean checkCrcOnRecover;
    private final Set<Integer> deleteWhen;
    private final Duration fileReservedTime;
    private final double diskMaxUsedSpaceRatio;
    private final double diskSpaceCleanForciblyRatio;
    private final double diskSpaceWarningLevelRatio;
    private final boolean cleanFileForciblyEnable;
    private final boolean cleanUnconsumedFileForciblyEnable;
    private final Duration cleanResourceInterval;
    private final int deleteFilesBatchMax;
    private final InetSocketAddress storeHost;
    private final Clock clock;

    private StoreConfig(Builder b) {
        this.storePathRootDir = b.storePathRootDir;
        this.storePathCommitLog = b.storePathCommitLog != null ? b.storePathCommitLog
                : b.storePathRootDir.resolve("commitlog");
        this.mappedFileSizeCommitLog = b.mappedFileSizeCommitLog;
        this.mappedFileSizeConsumeQueue = b.mappedFileSizeConsumeQueue;
        this.flushDiskType = b.flushDiskType;
        this.zeroFillCommitLog = b.zeroFillCommitLog;
        this.flushIntervalCommitLog = b.flushIntervalCommitLog;
        this.flushCommitLogLeastPages = b.flushCommitLogLeastPages;
        this.flushCommitLogThoroughInterval = b.flushCommitLogThoroughInterval;
        this.syncFlushTimeout = b.syncFlushTimeout;
        this.flushIntervalConsumeQueue = b.flushIntervalConsumeQueue;
        this.maxMessageSize = b.maxMessageSize;
        this.messageIndexEnable = b.messageIndexEnable;
        this.maxHashSlotNum = b.maxHashSlotNum;
        this.maxIndexNum = b.maxIndexNum;
        this.checkCrcOnRecover = b.checkCrcOnRecover;
        this.deleteWhen = Set.copyOf(b.deleteWhen);
        this.fileReservedTime = b.fileReservedTime;
        this.diskMaxUsedSpaceRatio = b.diskMaxUsedSpaceRatio;
        this.diskSpaceCleanForciblyRatio = b.diskSpaceCleanForciblyRatio;
        this.diskSpaceWarningLevelRatio = b.diskSpaceWarningLevelRatio;
        this.cleanFileForciblyEnable = b.cleanFileForciblyEnable;
        this.cleanUnconsumedFileForciblyEnable = b.cleanUnconsumedFileForciblyEnable;
        this.cleanResourceInterval = b.cleanResourceInterval;
        this.deleteFilesBatchMax = b.deleteFilesBatchMax;
        this.storeHost = b.storeHost;
        this.clock = b.clock;
    }

    public static Builder builder(Path storePathRootDir) {
        return new Builder(storePathRootDir);
    }

    public Path storePathRootDir() {
        return storePathRootDir;
    }

    public Path storePathCommitLog() {
        return storePathCommitLog;
    }

    public Path consumeQueueDir() {
        return storePathRootDir.resolve("consumequeue");
    }

    public Path indexDir() {
        return storePathRootDir.resolve("index");
    }

    public int mappedFileSizeCommitLog() {
        return mappedFileSizeCommitLog;
    }

    public int mappedFileSizeConsumeQueue() {
        return mappedFileSizeConsumeQueue;
    }

    public FlushDiskType flushDiskType() {
        return flushDiskType;
    }

    /** As set, or by default with SYNC_FLUSH only (see {@link Builder#zeroFillCommitLog}). */
    public boolean zeroFillCommitLog() {
        return zeroFillCommitLog != null ? zeroFillCommitLog : flushDiskType == FlushDiskType.SYNC_FLUSH;
    }

    public Duration flushIntervalCommitLog() {
        return flushIntervalCommitLog;
    }

    public int flushCommitLogLeastPages() {
        return flushCommitLogLeastPages;
    }

    public Duration flushCommitLogThoroughInterval() {
        return flushCommitLogThoroughInterval;
    }

    public Duration syncFlushTimeout() {
        return syncFlushTimeout;
    }

    public Duration flushIntervalConsumeQueue() {
        return flushIntervalConsumeQueue;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    public boolean messageIndexEnable() {
        return messageIndexEnable;
    }

    public int maxHashSlotNum() {
        return maxHashSlotNum;
    }

    public int maxIndexNum() {
        return maxIndexNum;
    }

    public boolean checkCrcOnRecover() {
        return checkCrcOnRecover;
    }

    /** Local hours (0-23) at which expired files are deleted. */
    public Set<Integer> deleteWhen() {
        return deleteWhen;
    }

    public Duration fileReservedTime() {
        return fileReservedTime;
    }

    public double diskMaxUsedSpaceRatio() {
        return diskMaxUsedSpaceRatio;
    }

    public double diskSpaceCleanForciblyRatio() {
        return diskSpaceCleanForciblyRatio;
    }

    public double diskSpaceWarningLevelRatio() {
        return diskSpaceWarningLevelRatio;
    }

    /** Whether use above {@code diskSpaceCleanForciblyRatio} deletes files before they expire. */
    public boolean cleanFileForciblyEnable() {
        return cleanFileForciblyEnable;
    }

    /**
     * Whether that forced cleaning also deletes files holding messages some reader still needs
     * ({@link RetentionFloor}), as RocketMQ does; if not, appends are refused instead.
     */
    public boolean cleanUnconsumedFileForciblyEnable() {
        return cleanUnconsumedFileForciblyEnable;
    }

    public Duration cleanResourceInterval() {
        return cleanResourceInterval;
    }

    public int deleteFilesBatchMax() {
        return deleteFilesBatchMax;
    }

    /** The broker address written into every record and every offset message id. */
    public InetSocketAddress storeHost() {
        return storeHost;
    }

    public Clock clock() {
        return clock;
    }

    /** Builds a {@link StoreConfig}; {@link #build()} rejects inconsistent values with a message naming the key. */
    public static final class Builder {
        private final Path storePathRootDir;
        private Path storePathCommitLog;
        private int mappedFileSizeCommitLog = 1024 * 1024 * 1024;
        private int mappedFileSizeConsumeQueue = 300_000 * CONSUME_QUEUE_UNIT;
        private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;
        /** Null: derived from the flush type. */
        private Boolean zeroFillCommitLog;
        private Duration flushIntervalCommitLog = Duration.ofMillis(500);
        private int flushCommitLogLeastPages = 4;
        private Duration flushCommitLogThoroughInterval = Duration.ofSeconds(10);
        private Duration syncFlushTimeout = Duration.ofSeconds(5);
        private Duration flushIntervalConsumeQueue = Duration.ofSeconds(1);
        private int maxMessageSize = 4 * 1024 * 1024;
        private boolean messageIndexEnable = true;
        private int maxHashSlotNum = 5_000_000;
        private int maxIndexNum = 20_000_000;
        private boolean checkCrcOnRecover = true;
        private Set<Integer> deleteWhen = Set.of(4);
        private Duration fileReservedTime = Duration.ofHours(72);
        private double diskMaxUsedSpaceRatio = 0.75;
        private double diskSpaceCleanForciblyRatio = 0.85;
        private double diskSpaceWarningLevelRatio = 0.90;
        private boolean cleanFileForciblyEnable = true;
        private boolean cleanUnconsumedFileForciblyEnable = false;
        private Duration cleanResourceInterval = Duration.ofSeconds(10);
        private int deleteFilesBatchMax = 10;
        private InetSocketAddress storeHost = new InetSocketAddress("127.0.0.1", 10911);
        private Clock clock = Clock.systemUTC();

        private Builder(Path storePathRootDir) {
            this.storePathRootDir = storePathRootDir;
        }

        public Builder storePathCommitLog(Path path) {
            this.storePathCommitLog = path;
            return this;
        }

        public Builder mappedFileSizeCommitLog(int bytes) {
            this.mappedFileSizeCommitLog = bytes;
            return this;
        }

        public Builder mappedFileSizeConsumeQueue(int bytes) {
            this.mappedFileSizeConsumeQueue = bytes;
            return this;
        }

        public Builder flushDiskType(FlushDiskType type) {
            this.flushDiskType = type;
            return this;
        }

        /**
         * Whether each new CommitLog file is filled with zeros on disk, forced, before it gets
         * data, so that a force writes data only and never allocates blocks; otherwise files stay
         * sparse and take only the room of what they hold. Zeros cost a 1 GiB write and force per
         * file; they bought SYNC_FLUSH with 16 writers 16,433 appends/s against 10,339 sparse (p50
         * 535 against 700 us, p99 4.8 against 11.8 ms; medians of 3 rounds on a loaded machine),
         * so by default SYNC_FLUSH files are zero-filled and ASYNC_FLUSH ones, whose appends no force
         * waits for, stay sparse.
         */
        public Builder zeroFillCommitLog(boolean zeroFill) {
            this.zeroFillCommitLog = zeroFill;
            return this;
        }

        public Builder flushIntervalCommitLog(Duration interval) {
            this.flushIntervalCommitLog = interval;
            return this;
        }

        public Builder flushCommitLogLeastPages(int pages) {
            this.flushCommitLogLeastPages = pages;
            return this;
        }

        public Builder flushCommitLogThoroughInterval(Duration interval) {
            this.flushCommitLogThoroughInterval = interval;
            return this;
        }

        public Builder syncFlushTimeout(Duration timeout) {
            this.syncFlushTimeout = timeout;
            return this;
        }

        public Builder flushIntervalConsumeQueue(Duration interval) {
            this.flushIntervalConsumeQueue = interval;
            return this;
        }

        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        public Builder messageIndexEnable(boolean enable) {
            this.messageIndexEnable = enable;
            return this;
        }

        public Builder maxHashSlotNum(int slots) {
            this.maxHashSlotNum = slots;
            return this;
        }

        public Builder maxIndexNum(int entries) {
            this.maxIndexNum = entries;
            return this;
        }

        public Builder checkCrcOnRecover(boolean check) {
            this.checkCrcOnRecover = check;
            return this;
        }

        /** Local hours (0-23) at which expired files are deleted. */
        public Builder deleteWhen(Set<Integer> hours) {
            this.deleteWhen = Set.copyOf(hours);
            return this;
        }

        public Builder fileReservedTime(Duration time) {
            this.fileReservedTime = time;
            return this;
        }

        /** Usage ratio (0..1) above which expired files are deleted whatever the hour. */
        public Builder diskMaxUsedSpaceRatio(double ratio) {
            this.diskMaxUsedSpaceRatio = ratio;
            return this;
        }

        /** Usage ratio (0..1) above which files are deleted even before they expire. */
        public Builder diskSpaceCleanForciblyRatio(double ratio) {
            this.diskSpaceCleanForciblyRatio = ratio;
            return this;
        }

        /** Usage ratio (0..1) above which appends are refused. */
        public Builder diskSpaceWarningLevelRatio(double ratio) {
            this.diskSpaceWarningLevelRatio = ratio;
            return this;
        }

        /** RocketMQ's key, default true: use above {@code diskSpaceCleanForciblyRatio} deletes unexpired files. */
        public Builder cleanFileForciblyEnable(boolean enable) {
            this.cleanFileForciblyEnable = enable;
            return this;
        }

        /**
         * Bolide's key, default false: forced cleaning stops at the first file holding a message
         * some reader still needs, and appends are refused when the disk fills; true deletes such
         * files too, as RocketMQ 4.9 does.
         */
        public Builder cleanUnconsumedFileForciblyEnable(boolean enable) {
            this.cleanUnconsumedFileForciblyEnable = enable;
            return this;
        }

        public Builder cleanResourceInterval(Duration interval) {
            this.cleanResourceInterval = interval;
            return this;
        }

        public Builder deleteFilesBatchMax(int files) {
            this.deleteFilesBatchMax = files;
            return this;
        }

        public Builder storeHost(InetSocketAddress host) {
            this.storeHost = host;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public StoreConfig build() {
            require(storePathRootDir != null, "storePathRootDir", "is required");
            require(maxMessageSize > 0, "maxMessageSize", "must be positive, was " + maxMessageSize);
            long largestRecord = (long) maxMessageSize + MAX_RECORD_OVERHEAD + 8;
            require(mappedFileSizeCommitLog >= largestRecord, "mapedFileSizeCommitLog",
                    "must hold the largest record (" + largestRecord + " bytes for maxMessageSize " + maxMessageSize
                            + "), was " + mappedFileSizeCommitLog);
            require(mappedFileSizeConsumeQueue >= CONSUME_QUEUE_UNIT
                    && mappedFileSizeConsumeQueue % CONSUME_QUEUE_UNIT == 0, "mapedFileSizeConsumeQueue",
                    "must be a positive multiple of " + CONSUME_QUEUE_UNIT + ", was " + mappedFileSizeConsumeQueue);
            require(maxHashSlotNum > 0 && maxIndexNum > 1, "maxHashSlotNum/maxIndexNum", "must be positive");
            require((40L + 4L * maxHashSlotNum + 20L * maxIndexNum) <= Integer.MAX_VALUE, "maxHashSlotNum/maxIndexNum",
                    "make an index file larger than 2 GiB");
            require(flushCommitLogLeastPages >= 0, "flushCommitLogLeastPages", "must not be negative");
            require(positive(flushIntervalCommitLog) && positive(flushCommitLogThoroughInterval)
                    && positive(syncFlushTimeout) && positive(flushIntervalConsumeQueue)
                    && positive(cleanResourceInterval), "flush/clean intervals", "must be positive");
            require(!fileReservedTime.isNegative(), "fileReservedTime", "must not be negative");
            require(deleteWhen.stream().allMatch(h -> h >= 0 && h <= 23), "deleteWhen", "hours must be 0..23");
            require(ratio(diskMaxUsedSpaceRatio) && ratio(diskSpaceCleanForciblyRatio)
                    && ratio(diskSpaceWarningLevelRatio), "disk space ratios", "must be within 0..1");
            require(deleteFilesBatchMax > 0, "deleteFilesBatchMax", "must be positive");
            require(storeHost != null && !storeHost.isUnresolved(), "storeHost", "must be a resolved address");
            return new StoreConfig(this);
        }

        private static boolean positive(Duration d) {
            return d != null && !d.isNegative() && !d.isZero();
        }

        private static boolean ratio(double r) {
            return r >= 0 && r <= 1;
        }

        private static void require(boolean condition, String key, String problem) {
            if (!condition) {
                throw new IllegalArgumentException(key + " " + problem);
            }
        }
    }
}
