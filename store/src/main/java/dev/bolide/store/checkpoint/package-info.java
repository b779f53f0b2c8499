/**
 * What the store remembers across restarts about its own state: the checkpoint, the abort marker
 * that tells a crash from a clean shutdown, and the lock that keeps two stores off one directory.
 * Part of the store's API: the broker's timer tells its own crash from a clean stop with an
 * {@link dev.bolide.store.checkpoint.AbortMarker}.
 */
package dev.bolide.store.checkpoint;
