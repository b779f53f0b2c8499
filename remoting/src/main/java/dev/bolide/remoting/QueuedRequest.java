package dev.bolide.remoting;

import java.util.Queue;

/**
 * A request handed to its processor's executor, stamped with when it was queued, so that the
 * broker can tell how long the oldest waiting request has waited (RocketMQ's
 * {@code sendThreadPoolQueueHeadWaitTimeMills}, shown by mqadmin {@code clusterList}).
 */
public record QueuedRequest(long queuedMillis, Runnable work) implements Runnable {
    @Override
    public void run() {
        work.run();
    }

    /** How long the request at the head of an executor's queue has waited; 0 when none waits. */
    public static long headWaitMillis(Queue<Runnable> queue, long nowMillis) {
        return queue.peek() instanceof QueuedRequest head ? Math.max(0, nowMillis - head.queuedMillis()) : 0;
    }
}
