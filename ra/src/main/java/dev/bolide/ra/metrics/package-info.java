/**
 * The adapter's own figures as Micrometer meters: its managed connections and their handles
 * ({@link dev.bolide.ra.metrics.ConnectionMeters}), its activations' deliveries
 * ({@link dev.bolide.ra.metrics.DeliveryMeters}), the XA branches run through its XA resources
 * ({@link dev.bolide.ra.metrics.BranchMeters}); served in the Prometheus text format on
 * {@code metricsListenPort} when the adapter is asked to ({@link dev.bolide.ra.metrics.MetricsServer}).
 */
package dev.bolide.ra.metrics;
