package dev.bolide.broker.transaction;

import dev.bolide.broker.ha.Writes;
import dev.bolide.broker.ha.Written;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves transactions, once each: the first resolution of a transaction appends what it
 * delivers (the committed message, or the moved-aside copy) and its op record in one append, so
 * that they land together in the CommitLog; any later resolution changes nothing and is logged.
 */
final class TransactionResolver {
    private static final System.Logger LOG = System.getLogger(TransactionResolver.class.getName());

    private final Writes writes;
    private final OpenTransactions open;
    private final SystemQueue opQueue;
    private final CommitRouting routing;

    TransactionResolver(MessageStore store, Writes writes, OpenTransactions open, CommitRouting routing) {
        this.writes = writes;
        this.open = open;
        this.routing = routing;
        this.opQueue = new SystemQueue(store, TransactionTopics.OP);
    }

    /** A transaction to resolve: one of its half records and how. */
    record Ask(HalfRecord half, Resolution resolution) {
    }

    /**
     * Resolves the transaction of {@code half} (any of its half records).
     *
     * @return completes with whether this call resolved it (false: it was resolved before)
     */
    CompletableFuture<Boolean> resolve(HalfRecord half, Resolution resolution) {
        return resolveAll(List.of(new Ask(half, resolution))).get(0);
    }

    /**
     * Resolves the transactions asked, in order, with one append for all those not resolved before
     * (of a transaction asked twice, the first ask resolves it): each commit's message and op
     * record stay next to each other in it.
     *
     * @return for each ask, completes with whether it resolved its transaction
     */
    List<CompletableFuture<Boolean>> resolveAll(List<Ask> asks) {
        List<CompletableFuture<Boolean>> outcomes = new ArrayList<>(asks.size());
        List<Ask> granted = new ArrayList<>(asks.size());
        List<CompletableFuture<Boolean>> grantedOutcomes = new ArrayList<>(asks.size());
        List<MessageToStore> records = new ArrayList<>(asks.size() * 2);
        long opLowerBound = opQueue.endOffset();
        for (Ask ask : asks) {
            CompletableFuture<Boolean> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            OpenTransactions.Claim claim = open.claim(ask.half().transactionKey(), ask.half().queueOffset(),
                    ask.resolution(), opLowerBound);
            if (!claim.granted()) {
                LOG.log(System.Logger.Level.INFO, "{0} ignored: it was {1} already", describe(ask),
                        claim.earlier().map(Resolution::pastTense).orElse("resolved"));
                outcome.complete(false);
                continue;
            }
            granted.add(ask);
            grantedOutcomes.add(outcome);
            records.addAll(records(ask.half(), ask.resolution()));
        }
        if (!granted.isEmpty()) {
            append(granted, grantedOutcomes, records);
        }
        return outcomes;
    }

    private void append(List<Ask> granted, List<CompletableFuture<Boolean>> outcomes, List<MessageToStore> records) {
        CompletableFuture<Written> appended;
        try {
            appended = writes.append(records);
        } catch (RuntimeException e) {
            appended = CompletableFuture.failedFuture(e);
        }
        appended.whenComplete((result, failure) -> {
            if (failure != null) {
                for (int i = 0; i < granted.size(); i++) {
                    open.release(granted.get(i).half().transactionKey());
                    outcomes.get(i).completeExceptionally(
                            new IllegalStateException("cannot record " + describe(granted.get(i)), failure));
                }
                return;
            }
            List<AppendedMessage> stored = result.appended().messages();
            int next = 0;
            for (int i = 0; i < granted.size(); i++) {
                Ask ask = granted.get(i);
                // the op record closes each transaction's records
                next += ask.resolution() == Resolution.ROLLBACK ? 1 : 2;
                open.recorded(ask.half().transactionKey(), stored.get(next - 1).queueOffset());
                LOG.log(System.Logger.Level.DEBUG, "{0}", describe(ask));
                outcomes.get(i).complete(true);
            }
        });
    }

    private List<MessageToStore> records(HalfRecord half, Resolution resolution) {
        MessageToStore op = new OpRecord(half.transactionKey(), resolution, half.branch()).toStore();
        return switch (resolution) {
            case COMMIT -> List.of(half.committed(routing), op);
            case ROLLBACK -> List.of(op);
            case MOVED_ASIDE -> List.of(half.movedAside(), op);
        };
    }

    private static String describe(Ask ask) {
        return ask.resolution() + " of " + ask.half();
    }
}
