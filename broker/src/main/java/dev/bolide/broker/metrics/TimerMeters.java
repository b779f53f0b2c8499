package dev.bolide.broker.metrics;

import dev.bolide.broker.timer.TimerService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code bolide_timers_pending}: the timer messages waiting for their time, as the timer counts them;
 * {@code bolide_timers_next_due_timestamp_seconds}: when the first of them is due (NaN when none waits).
 */
public final class TimerMeters implements MeterBinder {
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final TimerService timers;

    public TimerMeters(TimerService timers) {
        this.timers = timers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bolide.timers.pending", timers, TimerService::pendingTimers)
                .description("timer messages taken in and not yet delivered").register(registry);
        Gauge.builder("bolide.timers.next.due.timestamp", timers, TimerMeters::nextDueSeconds).baseUnit("seconds")
                .description("when the next timer message is due, seconds since the epoch, to the wheel's precision")
                .register(registry);
    }

    private static double nextDueSeconds(TimerService timers) {
        return timers.nextDue().stream().mapToDouble(millis -> millis / MILLIS_PER_SECOND).findFirst()
                .orElse(Double.NaN);
    }
}
