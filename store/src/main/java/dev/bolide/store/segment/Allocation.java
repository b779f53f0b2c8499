package dev.bolide.store.segment;

/** When a {@link MappedSegment}'s disk blocks are allocated, chosen by how its owner writes it. */
public enum Allocation {
    /** Whole, at creation: for files written through the mapping at any place (the timer's wheel and log). */
    WHOLE,
    /**
     * Whole, at creation, with the zeros forced; writes go through the channel: for data forced
     * after every write (SYNC_FLUSH), where a force must not also allocate.
     */
    WHOLE_FORCED,
    /**
     * A step at a time, ahead of writes made in order through the mapping; the owner calls
     * {@link MappedSegment#allocate} before it writes (CommitLog under ASYNC_FLUSH, ConsumeQueue, index).
     */
    ON_DEMAND,
    /**
     * Never: the file stays sparse and every write goes through the file channel ({@link
     * MappedSegment#write}), whose block allocation reports a full disk as an ordinary {@code
     * IOException}; nothing is written through the mapping, which only serves reads (the CommitLog).
     */
    SPARSE
}
