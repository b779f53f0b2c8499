/**
 * Topics the broker serves: their configuration (queue counts, permissions), names, and the
 * persisted table of them.
 */
package dev.bolide.broker.topic;
