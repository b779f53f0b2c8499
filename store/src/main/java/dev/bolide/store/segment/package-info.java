/**
 * The I/O layer: fixed-size memory-mapped files and ordered sequences of them. Knows bytes and
 * positions, nothing about messages. Part of the store's API: the broker's timer keeps its own log
 * and wheel in these files, as the CommitLog and consume queues do.
 */
package dev.bolide.store.segment;
