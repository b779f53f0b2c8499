package dev.bolide.broker.transaction;

import dev.bolide.store.MessageStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The undecided transactions, outside XA branches, for an operator: listed from the half queue
 * within the check window, and committed or rolled back by hand through the resolver that serves
 * END_TRANSACTION, so that a decision by hand is recorded and answered like the producer's own.
 */
public final class UndecidedTransactions {
    private final MessageStore store;
    private final OpenTransactions open;
    private final TransactionResolver resolver;

    UndecidedTransactions(MessageStore store, OpenTransactions open, TransactionResolver resolver) {
        this.store = store;
        this.open = open;
        this.resolver = resolver;
    }

    /**
     * The undecided transactions, oldest first: every transaction with a half record from the check
     * progress on (anything behind it is over or copied ahead) and no resolution, by its newest copy.
     */
    public List<UndecidedTransaction> list() {
        Map<Long, UndecidedTransaction> newest = new LinkedHashMap<>();
        SystemQueue halfQueue = new SystemQueue(store, TransactionTopics.HALF);
        halfQueue.read(open.progress(), halfQueue.endOffset(), (record, view) -> HalfRecord.of(record)
                .filter(half -> half.branch() == null)
                .ifPresent(half -> newest.put(half.transactionKey(), new UndecidedTransaction(half.realTopic(),
                        half.producerGroup(), half.uniqueKey(), half.bornTimestamp(), half.checkTimes(),
                        half.physicalOffset()))));
        List<UndecidedTransaction> undecided = new ArrayList<>();
        newest.forEach((key, transaction) -> {
            if (!open.isResolved(key)) {
                undecided.add(transaction);
            }
        });
        return undecided;
    }

    /**
     * Commits or rolls back the transaction of the half record at {@code halfOffset}, as an
     * END_TRANSACTION from its producer would.
     *
     * @return completes with whether this call decided it (false: it was decided before)
     * @throws IllegalArgumentException when no half record outside an XA branch starts there
     */
    public CompletableFuture<Boolean> decide(long halfOffset, boolean commit) {
        ByteBuffer record = store.lookupMessage(halfOffset);
        Optional<HalfRecord> half = record == null ? Optional.empty() : HalfRecord.of(record);
        if (half.isEmpty()) {
            throw new IllegalArgumentException("no half message at CommitLog offset " + halfOffset);
        }
        if (half.get().branch() != null) {
            throw new IllegalArgumentException("the half message at CommitLog offset " + halfOffset
                    + " belongs to XA branch " + half.get().branch() + ": decide the branch");
        }
        return resolver.resolve(half.get(), commit ? Resolution.COMMIT : Resolution.ROLLBACK);
    }
}
