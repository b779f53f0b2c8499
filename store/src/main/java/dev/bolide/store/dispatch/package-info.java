/**
 * The dispatcher: follows the CommitLog and derives ConsumeQueue units and index entries from
 * each record, so that the CommitLog stays the only source of truth.
 */
package dev.bolide.store.dispatch;
