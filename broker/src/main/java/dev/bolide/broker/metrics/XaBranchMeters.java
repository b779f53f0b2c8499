package dev.bolide.broker.metrics;

import dev.bolide.broker.transaction.TransactionService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * {@code bolide_xa_branches{state}}: the XA branches the broker holds in each state, read from its
 * branch table when scraped (a prepared branch waits there for its transaction manager).
 */
public final class XaBranchMeters implements ScrapedMeters {
    private final TransactionService transactions;
    private MultiGauge branches;

    public XaBranchMeters(TransactionService transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized void update(MeterRegistry registry) {
        if (branches == null) {
            branches = MultiGauge.builder("bolide.xa.branches").description("XA branches the broker holds, by state")
                    .register(registry);
        }
        branches.register(transactions.branchesByState().entrySet().stream()
                .map(entry -> MultiGauge.Row.of(Tags.of("state", entry.getKey()), entry.getValue())).toList(), true);
    }
}
