package dev.bolide.broker.ha;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Wakes the threads streaming to slaves when the CommitLog grows. An append only takes the monitor
 * when a streamer waits, so sends pay nothing while the slaves are busy.
 */
final class NewBytes {
    private final Object monitor = new Object();
    private final AtomicInteger waiting = new AtomicInteger();

    /** Called after each append. */
    void arrived() {
        if (waiting.get() > 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Wakes every waiting streamer, whatever the CommitLog (to stop them). */
    void wakeAll() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /**
     * Waits until {@code end} goes beyond {@code offset} (read again at each wake-up: another thread
     * may have sent the new bytes meanwhile), at most {@code timeoutNanos}, or until
     * {@code stopped} holds: checked under the monitor {@link #wakeAll} takes, so a stop set before it
     * is never missed.
     */
    void awaitBeyond(LongSupplier offset, LongSupplier end, long timeoutNanos, BooleanSupplier stopped)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        // counted before the check: an append after the check sees the count and notifies
        waiting.incrementAndGet();
        try {
            synchronized (monitor) {
                long remaining = timeoutNanos;
                while (!stopped.getAsBoolean() && end.getAsLong() <= offset.getAsLong() && remaining > 0) {
                    TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
                    remaining = deadline - System.nanoTime();
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
    }
}
