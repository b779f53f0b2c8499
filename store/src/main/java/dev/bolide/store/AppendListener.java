package dev.bolide.store;

/**
 * Told about every message as it is appended, before the append returns (and so before its sender
 * is answered), on the appending thread: must be quick and must not block. Unlike a
 * {@link DispatchListener}, it hears of a message before the message is readable from its queue.
 */
@FunctionalInterface
public interface AppendListener {
    void appended(MessageToStore message, AppendedMessage where);
}
