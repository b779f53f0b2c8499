/**
 * The broker's Prometheus metrics, through Micrometer: meters read the numbers the broker already
 * counts ({@link dev.bolide.broker.stats.BrokerStats}, the store, consumer offsets) when scraped,
 * and only latencies are recorded as they happen.
 */
package dev.bolide.broker.metrics;
