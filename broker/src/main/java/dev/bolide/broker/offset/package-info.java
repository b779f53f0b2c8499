/**
 * Consumer progress: the committed offset of every consumer group on every queue it consumes.
 */
package dev.bolide.broker.offset;
