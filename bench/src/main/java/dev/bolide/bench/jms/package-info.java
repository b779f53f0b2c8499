/**
 * The JMS harness: one Jakarta Messaging workload (persistent sends, receives, transacted batches,
 * XA with a second resource) against Bolide and against ActiveMQ Artemis, each broker in a child
 * JVM, the workload in the harness's JVM through {@code jakarta.jms} only.
 */
package dev.bolide.bench.jms;
