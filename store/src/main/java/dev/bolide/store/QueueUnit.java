package dev.bolide.store;

/**
 * One ConsumeQueue unit: where the message at a logical offset of a queue is in the CommitLog, its
 * size, and the tags code consumers are filtered by.
 */
public record QueueUnit(long queueOffset, long physicalOffset, int size, long tagsCode) {
}
