/**
 * What the store remembers across restarts about its own state: the checkpoint, the abort marker
 * that tells a crash from a clean shutdown, and the lock that keeps two stores off one directory.
 */
package dev.bolide.store.checkpoint;
