package dev.bolide.bench.store;

import dev.bolide.store.FlushDiskType;

/**
 * One store run of the harness next to the raw-file run it is judged against.
 *
 * @param batchSize                average messages per CommitLog force, measured for SYNC_FLUSH;
 *                                 NaN for ASYNC_FLUSH, whose forces nobody waits for
 * @param flushTimeouts            appends answered FLUSH_DISK_TIMEOUT
 * @param baseline                 which raw-file run the ratio is taken against
 * @param baselineRecordsPerSecond that run's records/s
 */
record ResultRow(int messageSize, FlushDiskType flushDiskType, int threads, double appendsPerSecond,
        double batchSize, long flushTimeouts, String baseline, double baselineRecordsPerSecond) {

    /** CommitLog bytes per second, counting whole records rather than bodies, as the raw writer does. */
    double megabytesPerSecond() {
        return appendsPerSecond * StoreAppendBenchmark.recordLength(messageSize) / 1e6;
    }

    double ratio() {
        return appendsPerSecond / baselineRecordsPerSecond;
    }

    /** The least ratio README.md asks of this row, or NaN where it sets none. */
    double target() {
        if (flushDiskType == FlushDiskType.ASYNC_FLUSH && messageSize == 1024) {
            return 0.7;
        }
        if (flushDiskType == FlushDiskType.SYNC_FLUSH && threads == 16) {
            return 0.8;
        }
        return Double.NaN;
    }
}
