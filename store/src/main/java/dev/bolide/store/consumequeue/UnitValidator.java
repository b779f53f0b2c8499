package dev.bolide.store.consumequeue;

/** Confirms against the CommitLog that a unit describes the record stored where it points. */
@FunctionalInterface
public interface UnitValidator {
    boolean holds(long physicalOffset, int size, String topic, int queueId, long queueOffset);
}
