package dev.bolide.client.jms.session;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sends that must reach the broker in the order they were made although nobody waits for them:
 * each starts once the previous one is answered. Started together, one still waiting for its route
 * or connection could be overtaken by the next (a future runs its dependents last first).
 */
public final class SendSequence {
    private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);

    /** Starts {@code send} after the previous send of this sequence, whatever its outcome. */
    public synchronized <T> CompletableFuture<T> next(Supplier<CompletableFuture<T>> send) {
        CompletableFuture<T> sent = previous.handle((result, failure) -> null).thenCompose(ignored -> send.get());
        previous = sent;
        return sent;
    }
}
