/**
 * The I/O layer: fixed-size memory-mapped files and ordered sequences of them. Knows bytes and
 * positions, nothing about messages.
 */
package dev.bolide.store.segment;
