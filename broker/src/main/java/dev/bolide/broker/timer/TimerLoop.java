package dev.bolide.broker.timer;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The timer thread, sole owner of the {@link PendingTimers}: it takes in new timer records,
 * delivers what is due, and sleeps until the next due time, unless a new timer record wakes it
 * first. It does not poll: an idle broker with no timers sleeps a minute at a time (only to
 * re-read a wall clock that may have been set).
 */
final class TimerLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TimerLoop.class.getName());
    /**
     * The shortest sleep between two walks: a timer due within it waits for the next walk. Bounds
     * lateness (10 ms) and how often one busy slot is walked.
     */
    static final long GRANULARITY_MS = 10;
    private static final long LONGEST_SLEEP_MS = 60_000;
    private static final long FAILURE_BACKOFF_MS = 100;
    private static final int INTAKE_BATCH = 1024;
    private static final int DELIVERY_BATCH = 64;
    private static final int RELEASE_STEPS = 4096;

    private final TimerIntake intake;
    private final TimerDelivery delivery;
    private final PendingTimers pending;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    TimerLoop(TimerIntake intake, TimerDelivery delivery, PendingTimers pending, Clock clock) {
        this.intake = intake;
        this.delivery = delivery;
        this.pending = pending;
        this.clock = clock;
        this.thread = new Thread(this::run, "bolide-timer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** A new timer record is readable. */
    void wakeUp() {
        LockSupport.unpark(thread);
    }

    private void run() {
        while (running) {
            long sleep;
            try {
                sleep = round();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "timer round failed; retrying", e);
                sleep = FAILURE_BACKOFF_MS;
            }
            if (sleep > 0 && running) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(sleep));
            }
        }
    }

    /** One round; returns how long to sleep, in ms. */
    private long round() {
        boolean more = intake.takeIn(INTAKE_BATCH);
        long now = clock.millis();
        for (List<DueTimer> due = pending.takeDue(now, DELIVERY_BATCH); !due.isEmpty() && running;
                due = pending.takeDue(now, DELIVERY_BATCH)) {
            delivery.deliver(due);
        }
        pending.releaseDelivered(RELEASE_STEPS);
        if (more) {
            return 0;
        }
        long wakeAt = Math.max(pending.nextDueTime(), now + GRANULARITY_MS);
        return Math.min(wakeAt - now, LONGEST_SLEEP_MS);
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
