package dev.bolide.store.dispatch;

import dev.bolide.store.index.IndexPosition;

/**
 * A consistent point of the dispatcher: every record below {@code offset} is in its ConsumeQueue
 * and in the index, and the index was exactly at {@code index} then.
 */
public record DispatchProgress(long offset, IndexPosition index) {
}
