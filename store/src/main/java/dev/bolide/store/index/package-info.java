/**
 * The hash index of message keys and unique ids ({@code topic#key} to CommitLog offsets), in
 * RocketMQ's IndexFile layout, derived from the CommitLog by the dispatcher.
 */
package dev.bolide.store.index;
