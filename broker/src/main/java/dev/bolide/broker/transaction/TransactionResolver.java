package dev.bolide.broker.transaction;

import dev.bolide.broker.ha.Writes;
import dev.bolide.broker.ha.Written;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
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

    /**
     * Resolves the transaction of {@code half} (any of its half records).
     *
     * @return completes with whether this call resolved it (false: it was resolved before)
     */
    CompletableFuture<Boolean> resolve(HalfRecord half, Resolution resolution) {
        long key = half.transactionKey();
        OpenTransactions.Claim claim = open.claim(key, half.queueOffset(), resolution, opQueue.endOffset());
        if (!claim.granted()) {
            LOG.log(System.Logger.Level.INFO, "{0} ignored: it was {1} already", describe(half, resolution),
                    claim.earlier().map(Resolution::pastTense).orElse("resolved"));
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Written> appended;
        try {
            appended = writes.append(records(half, resolution));
        } catch (RuntimeException e) {
            open.release(key);
            return CompletableFuture.failedFuture(e);
        }
        return appended.handle((result, failure) -> {
            if (failure != null) {
                open.release(key);
                throw new IllegalStateException("cannot record " + describe(half, resolution), failure);
            }
            List<AppendedMessage> records = result.appended().messages();
            open.recorded(key, records.get(records.size() - 1).queueOffset());
            LOG.log(System.Logger.Level.DEBUG, "{0}", describe(half, resolution));
            return true;
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

    private static String describe(HalfRecord half, Resolution resolution) {
        return resolution + " of " + half;
    }
}
