/**
 * Getting CommitLog bytes to disk: group commit for {@code SYNC_FLUSH}, an interval service for
 * {@code ASYNC_FLUSH}.
 */
package dev.bolide.store.flush;
