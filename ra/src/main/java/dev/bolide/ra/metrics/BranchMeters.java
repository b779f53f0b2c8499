package dev.bolide.ra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import javax.transaction.xa.XAResource;

/**
 * {@code bolide_ra_xa_branches_total{outcome}}: the XA branches a transaction manager ran through
 * the adapter's XA resources (its managed connections' and its transacted activations'), counted
 * at their start, at a commit that returned and at a rollback that returned. Recovery's decisions
 * go through other resources and are not counted.
 */
public final class BranchMeters {
    private final Counter started;
    private final Counter committed;
    private final Counter rolledBack;

    BranchMeters(MeterRegistry registry) {
        started = outcome(registry, "started");
        committed = outcome(registry, "committed");
        rolledBack = outcome(registry, "rolled_back");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("bolide.ra.xa.branches").tag("outcome", outcome)
                .description("XA branches run through the adapter's XA resources, by outcome").register(registry);
    }

    /** {@code resource}, counting here the branches run through it. */
    public XAResource counting(XAResource resource) {
        return new CountingXAResource(resource, this);
    }

    void started() {
        started.increment();
    }

    void committed() {
        committed.increment();
    }

    void rolledBack() {
        rolledBack.increment();
    }
}
