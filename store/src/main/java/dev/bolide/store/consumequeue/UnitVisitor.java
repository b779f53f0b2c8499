package dev.bolide.store.consumequeue;

/** Receives ConsumeQueue units in logical order; returns false to stop. */
@FunctionalInterface
public interface UnitVisitor {
    boolean visit(long queueOffset, long physicalOffset, int size, long tagsCode);
}
