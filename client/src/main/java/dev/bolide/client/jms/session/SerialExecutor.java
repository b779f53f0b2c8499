package dev.bolide.client.jms.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in the order given, on threads borrowed from a pool shared by the
 * connection's sessions: a session's serial thread of control without a thread of its own, so
 * that idle sessions cost no thread at all.
 */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor pool;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private volatile Thread running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code task} after every task given before it; a task that fails is logged, not propagated. */
    @Override
    public synchronized void execute(Runnable task) {
        // a pool that refused a task (the connection is closing) must not stop the ones after it
        tail = tail.exceptionally(refused -> null).thenRunAsync(() -> run(task), pool);
    }

    private void run(Runnable task) {
        running = Thread.currentThread();
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a session task failed: {0}", e.toString());
        } finally {
            running = null;
        }
    }

    /** Whether the calling thread is running one of this executor's tasks now. */
    boolean isCurrentThread() {
        return running == Thread.currentThread();
    }

    /** Returns once every task given so far has run (or was refused by the pool). */
    void awaitIdle() {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = tail;
        }
        last.exceptionally(refused -> null).join();
    }
}
