package dev.bolide.store;

import java.util.concurrent.CompletableFuture;

/**
 * An append written to the CommitLog, known where it went before it may be acknowledged, so that
 * a caller can start what else it waits for (a slave) while the disk is forced.
 *
 * @param written        where the messages went
 * @param acknowledgeable completes true once the append may be acknowledged under the store's flush
 *                       type (at once under {@code ASYNC_FLUSH} or for messages that do not wait for
 *                       their store), false after {@code syncFlushTimeout}
 */
public record PendingAppend(AppendResult written, CompletableFuture<Boolean> acknowledgeable) {
}
