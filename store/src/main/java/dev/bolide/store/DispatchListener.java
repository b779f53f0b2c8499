package dev.bolide.store;

/**
 * Told about every message once it is readable from its ConsumeQueue (the broker wakes held pull
 * requests with it). Called on the dispatcher thread: must be quick and must not block.
 */
@FunctionalInterface
public interface DispatchListener {
    void dispatched(DispatchedMessage message);
}
