package dev.bolide.broker.ha;

import java.util.concurrent.CompletableFuture;

/** What a send waits for before it is answered, besides its own store. */
@FunctionalInterface
public interface SyncReplication {
    /** An ASYNC_MASTER's: nothing, the send is answered at once. */
    SyncReplication NOT_WAITING = endOffset -> CompletableFuture.completedFuture(ReplicationStatus.REPLICATED);

    /** Completes once the CommitLog up to {@code endOffset} (the end of the send's messages) is replicated. */
    CompletableFuture<ReplicationStatus> whenReplicated(long endOffset);
}
