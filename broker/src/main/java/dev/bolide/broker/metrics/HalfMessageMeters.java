package dev.bolide.broker.metrics;

import dev.bolide.broker.transaction.TransactionService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code bolide_transactions_half_pending}: the transactions with a half message that is neither
 * committed, rolled back nor moved aside, as the transaction service counts them.
 */
public final class HalfMessageMeters implements MeterBinder {
    private final TransactionService transactions;

    public HalfMessageMeters(TransactionService transactions) {
        this.transactions = transactions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bolide.transactions.half.pending", transactions, TransactionService::halfPending)
                .description("transactions whose half message is neither committed nor rolled back")
                .register(registry);
    }
}
