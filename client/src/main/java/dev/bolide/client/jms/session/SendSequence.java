package dev.bolide.client.jms.session;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Requests that must be stored in the order they were made although nobody waits for them, and
 * that may be made again once answered: each starts once the previous one is answered. A transacted
 * session's half batch refused by the broker goes again in halves; the next batch must not overtake
 * them. (Requests themselves start in call order: the client's routes answer in that order.)
 */
final class SendSequence {
    private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);

    /** Starts {@code send} after the previous send of this sequence, whatever its outcome. */
    synchronized <T> CompletableFuture<T> next(Supplier<CompletableFuture<T>> send) {
        CompletableFuture<T> sent = previous.handle((result, failure) -> null).thenCompose(ignored -> send.get());
        previous = sent;
        return sent;
    }
}
