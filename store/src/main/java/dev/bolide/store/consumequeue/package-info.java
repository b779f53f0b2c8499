/**
 * ConsumeQueues: per topic and queue, a dense array of fixed 20-byte units (CommitLog offset, size,
 * tag hash) indexed by logical offset, derived from the CommitLog by the dispatcher.
 */
package dev.bolide.store.consumequeue;
