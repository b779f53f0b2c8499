package dev.bolide.store.index;

/**
 * How far the index got: the file being written and its entry count (entry numbers start at 1).
 * Saved in the checkpoint so that a crash recovery can cut the index back to flushed data.
 */
public record IndexPosition(long fileName, int entryCount) {
    /** No index file yet. */
    public static final IndexPosition NONE = new IndexPosition(0, 1);
}
