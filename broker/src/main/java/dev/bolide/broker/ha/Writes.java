package dev.bolide.broker.ha;

import dev.bolide.store.AppendResult;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.PendingAppend;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every write a broker answers for (sends, send-backs, transaction and XA decisions) waits here
 * until it may be answered, as RocketMQ's {@code CommitLog.handleDiskFlushAndHA} decides for any
 * put: a write that waits for its store ({@code WAIT}) waits for the disk under {@code SYNC_FLUSH}
 * and, on a SYNC_MASTER, for a slave. The two waits run together, so a write costs the longer of
 * a force and a slave's round trip, not their sum.
 */
public final class Writes {
    private final MessageStore store;
    private final SyncReplication slaves;

    /** @param slaves what a waiting write waits for besides the disk */
    public Writes(MessageStore store, SyncReplication slaves) {
        this.store = store;
        this.slaves = slaves;
    }

    /** Writes that wait for no slave: a broker that is no SYNC_MASTER, or a test of one processor. */
    public static Writes unreplicated(MessageStore store) {
        return new Writes(store, SyncReplication.NOT_WAITING);
    }

    /**
     * Appends {@code messages} as one batch.
     *
     * @throws dev.bolide.store.StoreException as {@link MessageStore#appendAsync}; nothing is written then
     */
    public CompletableFuture<Written> append(List<MessageToStore> messages) {
        PendingAppend pending = store.appendPending(messages);
        if (!anyWaits(messages)) {
            return CompletableFuture.completedFuture(new Written(pending.written(), ReplicationStatus.REPLICATED));
        }
        return acknowledged(pending.written(), pending.acknowledgeable());
    }

    /** Without a stream: building one cost 1.6 % of the I/O thread under synchronous sends. */
    private static boolean anyWaits(List<MessageToStore> messages) {
        for (MessageToStore message : messages) {
            if (message.waitForFlush()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Completes once {@code appended}, written without waiting, is on disk as {@code onDisk} tells
     * (false: not confirmed in time) and, on a SYNC_MASTER, replicated or given up on.
     */
    public CompletableFuture<Written> acknowledged(AppendResult appended, CompletableFuture<Boolean> onDisk) {
        AppendedMessage last = appended.messages().get(appended.messages().size() - 1);
        return onDisk.thenCombine(slaves.whenReplicated(last.physicalOffset() + last.size()),
                (flushed, replicated) -> new Written(flushed ? appended
                        : appended.withStatus(AppendResult.Status.FLUSH_DISK_TIMEOUT), replicated));
    }
}
