package dev.bolide.broker.metrics;

import dev.bolide.broker.timer.TimerService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** {@code bolide_timers_pending}: the timer messages waiting for their time, as the timer counts them. */
public final class TimerMeters implements MeterBinder {
    private final TimerService timers;

    public TimerMeters(TimerService timers) {
        this.timers = timers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bolide.timers.pending", timers, TimerService::pendingTimers)
                .description("timer messages taken in and not yet delivered").register(registry);
    }
}
