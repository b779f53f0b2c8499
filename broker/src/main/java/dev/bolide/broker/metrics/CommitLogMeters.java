package dev.bolide.broker.metrics;

import dev.bolide.store.CommitLogTimings;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long CommitLog appends and forces take ({@code bolide_commitlog_append_latency_seconds},
 * {@code bolide_commitlog_flush_latency_seconds}) and how many messages one force made durable,
 * the group-commit batch ({@code bolide_commitlog_flush_batch_messages}).
 */
public final class CommitLogMeters implements CommitLogTimings {
    private final Timer appends;
    private final Timer forces;
    private final DistributionSummary batches;
    private final LongAdder appendedSinceForce = new LongAdder();

    public CommitLogMeters(MeterRegistry registry) {
        appends = LatencyHistogram.timer("bolide.commitlog.append.latency",
                "time one append (a message or a batch) took, waiting for the append lock included", registry);
        forces = LatencyHistogram.timer("bolide.commitlog.flush.latency", "time one force of the CommitLog took",
                registry);
        batches = DistributionSummary.builder("bolide.commitlog.flush.batch").baseUnit("messages")
                .description("messages appended since the force before, made durable by one force")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024).register(registry);
    }

    @Override
    public void appended(int messages, long nanos) {
        appends.record(nanos, TimeUnit.NANOSECONDS);
        appendedSinceForce.add(messages);
    }

    @Override
    public void forced(long nanos) {
        forces.record(nanos, TimeUnit.NANOSECONDS);
        long batch = appendedSinceForce.sumThenReset();
        if (batch > 0) {
            batches.record(batch);
        }
    }
}
