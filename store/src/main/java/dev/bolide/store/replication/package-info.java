/**
 * Master/slave replication at the level of the store: a master reads raw CommitLog bytes to stream
 * them, a slave appends them at exactly the master's offsets; the slave's own dispatcher then
 * derives its ConsumeQueues and index, so the CommitLog stays the only source of truth.
 */
package dev.bolide.store.replication;
