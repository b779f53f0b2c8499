package dev.bolide.store;

/** When an append is acknowledged relative to the CommitLog reaching the disk. */
public enum FlushDiskType {
    /** Acknowledged once forced to disk; concurrent appends share one force (group commit). */
    SYNC_FLUSH,
    /** Acknowledged once in the page cache; a background service forces on an interval. */
    ASYNC_FLUSH
}
