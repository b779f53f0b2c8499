package dev.bolide.client.jms.session;

import dev.bolide.client.rocketmq.SendResult;
import jakarta.jms.CompletionListener;
import jakarta.jms.Message;
import java.util.concurrent.CompletableFuture;

/**
 * The completion listeners of a session's asynchronous sends, called one at a time and in the
 * order of the sends (Jakarta Messaging 3.1 §7.3.8), whatever order the brokers answer in; on a
 * {@link SerialExecutor}, so a session without sends in flight holds no thread.
 */
final class CompletionOrder {
    private static final System.Logger LOG = System.getLogger(CompletionOrder.class.getName());

    private final SerialExecutor executor;
    private CompletableFuture<Void> completions = CompletableFuture.completedFuture(null);

    CompletionOrder(SerialExecutor executor) {
        this.executor = executor;
    }

    /** Tells {@code listener} of {@code sent}'s outcome once the listeners of every earlier send have run. */
    synchronized void whenSent(CompletableFuture<SendResult> sent, Message message, CompletionListener listener) {
        CompletableFuture<Throwable> outcome = sent.handle((result, failure) -> failure);
        completions = completions.thenCombine(outcome, (previous, failure) -> failure)
                .thenAcceptAsync(failure -> complete(message, listener, failure), executor)
                .exceptionally(failure -> null);
    }

    private static void complete(Message message, CompletionListener listener, Throwable failure) {
        try {
            if (failure == null) {
                listener.onCompletion(message);
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                listener.onException(message, JmsFailure.of("the asynchronous send failed", cause));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a completion listener failed: {0}", e.toString());
        }
    }

    /** Whether the calling thread is running a completion listener of the session. */
    boolean isCompletionThread() {
        return executor.isCurrentThread();
    }

    /** Waits for the completion listeners of the sends so far. */
    void await() {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = completions;
        }
        pending.join();
    }
}
