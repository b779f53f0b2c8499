package dev.bolide.broker.metrics;

import dev.bolide.broker.ha.Replication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * {@code bolide_replication_lag_bytes{slave}}: on a master, the CommitLog bytes each connected
 * slave lacks (the master's end less the slave's last report), by the slave's HA connection
 * address; a slave that disconnects leaves the series. Nothing on a slave.
 */
public final class ReplicationLagMeters implements ScrapedMeters {
    private final Replication replication;
    private MultiGauge lag;

    public ReplicationLagMeters(Replication replication) {
        this.replication = replication;
    }

    @Override
    public synchronized void update(MeterRegistry registry) {
        if (lag == null) {
            lag = MultiGauge.builder("bolide.replication.lag").baseUnit("bytes")
                    .description("CommitLog bytes a connected slave lacks").register(registry);
        }
        lag.register(replication.slaveLagBytes().entrySet().stream()
                .map(entry -> MultiGauge.Row.of(Tags.of("slave", entry.getKey()), entry.getValue())).toList(), true);
    }
}
