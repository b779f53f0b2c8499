package dev.bolide.broker.transaction;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What the broker knows, in memory, about the transactions that still have a half record at or
 * after the check progress offset: for each, its newest half record and whether (and where in the
 * op log) it was resolved. Transactions wholly behind the progress offset are forgotten, so memory
 * follows the check window, not the history.
 *
 * <p>A transaction behind the progress offset that is not listed is over: the check pass never
 * moves past an unresolved transaction without appending a newer copy of it first. A transaction at
 * or after the progress offset that is not listed is one the check pass has not reached yet, and so
 * still open. That is what makes END_TRANSACTION idempotent without remembering every decision.
 */
final class OpenTransactions {
    private final Map<Long, Transaction> transactions = new HashMap<>();
    private long progress;

    /** @param progress the half queue offset the check pass starts from */
    OpenTransactions(long progress) {
        this.progress = progress;
    }

    /** One open transaction, or one resolved but still ahead of the check pass. */
    private static final class Transaction {
        long newest;
        Resolution resolution;
        /** Queue offset of the op record, or a lower bound of it while being appended. */
        long opOffset;

        Transaction(long newest) {
            this.newest = newest;
        }
    }

    /** The answer to a claim on a transaction. */
    record Claim(boolean granted, Optional<Resolution> earlier) {
        static final Claim GRANTED = new Claim(true, Optional.empty());
        /** Resolved so long ago that how is forgotten. */
        static final Claim FORGOTTEN = new Claim(false, Optional.empty());
    }

    /** What the check pass should do with a half record. */
    enum Sighting {
        /** The transaction is resolved: pass it. */
        RESOLVED,
        /** A newer copy of the transaction follows: pass this one. */
        SUPERSEDED,
        /** The newest record of an open transaction: check it when it is due. */
        LIVE
    }

    synchronized long progress() {
        return progress;
    }

    /**
     * Claims the right to resolve a transaction, given one of its half records: granted to the
     * first claim only; a later one learns how the transaction was resolved.
     *
     * @param opLowerBound no op record appended after this call has a smaller queue offset
     */
    synchronized Claim claim(long key, long queueOffset, Resolution resolution, long opLowerBound) {
        Transaction transaction = transactions.get(key);
        if (transaction == null) {
            if (queueOffset < progress) {
                return Claim.FORGOTTEN;
            }
            transaction = new Transaction(queueOffset);
            transactions.put(key, transaction);
        }
        if (transaction.resolution != null) {
            return new Claim(false, Optional.of(transaction.resolution));
        }
        transaction.resolution = resolution;
        transaction.opOffset = opLowerBound;
        return Claim.GRANTED;
    }

    /** The op record of a granted claim is stored at {@code opOffset}. */
    synchronized void recorded(long key, long opOffset) {
        Transaction transaction = transactions.get(key);
        if (transaction != null) {
            transaction.opOffset = opOffset;
        }
    }

    /** The op record of a granted claim could not be stored: the transaction is open again. */
    synchronized void release(long key) {
        Transaction transaction = transactions.get(key);
        if (transaction != null) {
            transaction.resolution = null;
        }
    }

    /** The check pass (or recovery) reads a half record of the transaction. */
    synchronized Sighting sighted(long key, long queueOffset) {
        Transaction transaction = transactions.computeIfAbsent(key, k -> new Transaction(queueOffset));
        if (transaction.resolution != null) {
            transaction.newest = Math.max(transaction.newest, queueOffset);
            return Sighting.RESOLVED;
        }
        if (queueOffset < transaction.newest) {
            return Sighting.SUPERSEDED;
        }
        transaction.newest = queueOffset;
        return Sighting.LIVE;
    }

    /** A newer half record of the transaction was appended at {@code queueOffset}. */
    synchronized void copied(long key, long queueOffset) {
        Transaction transaction = transactions.get(key);
        if (transaction != null) {
            transaction.newest = Math.max(transaction.newest, queueOffset);
        }
    }

    synchronized boolean isResolved(long key) {
        Transaction transaction = transactions.get(key);
        return transaction != null && transaction.resolution != null;
    }

    /** Recovery read an op record: a listed transaction is resolved. */
    synchronized void resolvedEarlier(OpRecord op, long opOffset) {
        Transaction transaction = transactions.get(op.transactionKey());
        if (transaction != null && transaction.resolution == null) {
            transaction.resolution = op.resolution();
            transaction.opOffset = opOffset;
        }
    }

    /**
     * Moves the progress offset forward and forgets the transactions wholly behind it (resolved
     * ones; an open one only when retention deleted its records).
     *
     * @param opEnd the op queue's end offset, read before this call
     * @return where a recovery must start reading the op log: no transaction still listed was
     *         resolved by an op record before it
     */
    synchronized long advance(long newProgress, long opEnd) {
        progress = Math.max(progress, newProgress);
        long oldestOp = opEnd;
        for (Iterator<Transaction> it = transactions.values().iterator(); it.hasNext();) {
            Transaction transaction = it.next();
            if (transaction.newest < progress) {
                it.remove();
            } else if (transaction.resolution != null) {
                oldestOp = Math.min(oldestOp, transaction.opOffset);
            }
        }
        return oldestOp;
    }

    /** How many listed transactions are not resolved: at recovery, the transactions still open. */
    synchronized long unresolved() {
        return transactions.values().stream().filter(transaction -> transaction.resolution == null).count();
    }

    /** How many transactions are listed (for tests and statistics). */
    synchronized int size() {
        return transactions.size();
    }
}
