package dev.bolide.broker.slave;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** Where a slave's master's CommitLog ends, asked of the master when needed. */
@FunctionalInterface
public interface MasterEnd {
    /** A master's: it has no master to ask. */
    MasterEnd NONE = () -> CompletableFuture.completedFuture(OptionalLong.empty());

    /** Completes with the master's CommitLog end; empty when no master is known or it did not tell. */
    CompletableFuture<OptionalLong> commitLogEnd();
}
