/**
 * Retention: deleting expired CommitLog segments (and what refers to them) and refusing appends
 * when the disk is full.
 */
package dev.bolide.store.retention;
