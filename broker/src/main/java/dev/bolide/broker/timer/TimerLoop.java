package dev.bolide.broker.timer;

import dev.bolide.store.worker.WorkerLoop;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The timer thread, sole owner of the {@link PendingTimers}: it takes in new timer records,
 * delivers what is due, and sleeps until the next due time, unless a new timer record wakes it
 * first. It does not poll: an idle broker with no timers sleeps a minute at a time (only to
 * re-read a wall clock that may have been set).
 */
final class TimerLoop implements AutoCloseable {
    /**
     * The shortest sleep between two walks: a timer due within it waits for the next walk. Bounds
     * lateness (10 ms) and how often one busy slot is walked.
     */
    static final long GRANULARITY_MS = 10;
    private static final long LONGEST_SLEEP_MS = 60_000;
    private static final int INTAKE_BATCH = 1024;
    private static final int DELIVERY_BATCH = 64;
    private static final int RELEASE_STEPS = 4096;

    private final TimerIntake intake;
    private final TimerDelivery delivery;
    private final PendingTimers pending;
    private final Clock clock;
    private final WorkerLoop loop;
    /** When the last round wants the next one, epoch ms. */
    private long wakeAt;
    /** {@link PendingTimers#nextDueTime()} after the last round, for other threads; MAX_VALUE: none pending. */
    private volatile long nextDue = Long.MAX_VALUE;

    TimerLoop(TimerIntake intake, TimerDelivery delivery, PendingTimers pending, Clock clock) {
        this.intake = intake;
        this.delivery = delivery;
        this.pending = pending;
        this.clock = clock;
        this.loop = new WorkerLoop("bolide-timer", this::round, intake::hasMore, 0, this::sleepNanos);
    }

    void start() {
        loop.start();
    }

    /** A new timer record is readable. */
    void wakeUp() {
        loop.wakeUp();
    }

    /** One round; returns whether timer records still wait to be taken in. */
    private boolean round() {
        boolean more = intake.takeIn(INTAKE_BATCH);
        long now = clock.millis();
        for (List<DueTimer> due = pending.takeDue(now, DELIVERY_BATCH); !due.isEmpty();
                due = pending.takeDue(now, DELIVERY_BATCH)) {
            delivery.deliver(due);
        }
        pending.releaseDelivered(RELEASE_STEPS);
        long next = pending.pendingCount() == 0 ? Long.MAX_VALUE : pending.nextDueTime();
        nextDue = next;
        wakeAt = Math.max(next, now + GRANULARITY_MS);
        return more;
    }

    /**
     * When the next pending timer is due, epoch ms, as the last round saw it: at the earliest, within
     * one slot of the wheel ({@code timerPrecisionMs}); {@link Long#MAX_VALUE} when none is pending.
     */
    long nextDue() {
        return nextDue;
    }

    private long sleepNanos() {
        long sleep = Math.min(wakeAt - clock.millis(), LONGEST_SLEEP_MS);
        return TimeUnit.MILLISECONDS.toNanos(Math.max(sleep, 0));
    }

    /** Stops after the current round and waits for the thread to end. */
    @Override
    public void close() {
        loop.close();
    }
}
