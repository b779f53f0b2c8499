package dev.bolide.store.worker;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A daemon thread that runs a unit of work again and again. When a round finds nothing to do it
 * spins for a few microseconds, then parks. Writers call {@link #wakeUp()} after producing work;
 * it only costs a system call when the thread is actually parked, so a busy writer does not pay
 * a wake-up per message.
 */
public final class WorkerLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WorkerLoop.class.getName());
    private static final long FAILURE_BACKOFF_NANOS = 100_000_000L;

    private final Thread thread;
    private final BooleanSupplier round;
    private final BooleanSupplier hasWork;
    private final long spinNanos;
    private final LongSupplier parkNanos;
    private volatile boolean running = true;
    private volatile boolean parked;
    /** Set before {@link #start()}. */
    private long gatherNanos;

    /**
     * @param round     one round of work; returns whether it did anything
     * @param hasWork   whether work is waiting (checked before parking, so no wake-up is lost)
     * @param spinNanos how long to spin before parking
     * @param parkNanos longest park before the next round, woken or not
     */
    public WorkerLoop(String name, BooleanSupplier round, BooleanSupplier hasWork, long spinNanos, long parkNanos) {
        this(name, round, hasWork, spinNanos, () -> parkNanos);
    }

    /**
     * A loop whose longest park is decided before each park, on the loop's thread (for work
     * that comes due at a known time).
     */
    public WorkerLoop(String name, BooleanSupplier round, BooleanSupplier hasWork, long spinNanos,
            LongSupplier parkNanos) {
        this.round = round;
        this.hasWork = hasWork;
        this.spinNanos = spinNanos;
        this.parkNanos = parkNanos;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * A loop that runs {@code task} every {@code periodNanos}, the first time right after start
     * when {@code runAtStart}, else one period later. A failing task is logged and retried at the
     * next period.
     */
    public static WorkerLoop periodic(String name, long periodNanos, boolean runAtStart, Runnable task) {
        long[] next = {System.nanoTime() + (runAtStart ? 0 : periodNanos)};
        return new WorkerLoop(name, () -> {
            long now = System.nanoTime();
            if (now - next[0] >= 0) {
                next[0] = now + periodNanos;
                task.run();
            }
            return false;
        }, () -> false, 0, periodNanos);
    }

    /**
     * After a round that did work, the thread naps {@code nanos} before the next one without being
     * woken: work produced meanwhile costs its writers no wake-up and is taken by one round. Work
     * that comes while the thread is parked idle still wakes it at once.
     */
    public WorkerLoop gatheringFor(long nanos) {
        this.gatherNanos = nanos;
        return this;
    }

    public void start() {
        thread.start();
    }

    public void wakeUp() {
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (running) {
            try {
                if (!round.getAsBoolean()) {
                    idle();
                } else if (gatherNanos > 0) {
                    LockSupport.parkNanos(gatherNanos);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, thread.getName() + " failed; retrying", e);
                LockSupport.parkNanos(FAILURE_BACKOFF_NANOS);
            }
        }
    }

    private void idle() {
        long spinUntil = System.nanoTime() + spinNanos;
        while (System.nanoTime() < spinUntil) {
            if (hasWork.getAsBoolean()) {
                return;
            }
            Thread.onSpinWait();
        }
        parked = true;
        if (running && !hasWork.getAsBoolean()) {
            LockSupport.parkNanos(parkNanos.getAsLong());
        }
        parked = false;
    }

    /** Stops after the current round and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
