/**
 * The CommitLog: the one append-only log of all message records, the store's source of truth.
 */
package dev.bolide.store.commitlog;
