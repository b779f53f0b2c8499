package dev.bolide.ra.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.IntSupplier;

/**
 * The meters of one resource adapter, in a registry of their own (an embedded broker keeps its
 * own): counted whether or not anyone scrapes them, as counting costs an atomic add.
 */
public final class AdapterMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConnectionMeters connections = new ConnectionMeters(registry);
    private final DeliveryMeters deliveries = new DeliveryMeters(registry);
    private final BranchMeters branches = new BranchMeters(registry);

    /** @param activeEndpoints how many endpoints the adapter delivers to now, read at each scrape */
    public AdapterMetrics(IntSupplier activeEndpoints) {
        deliveries.activeEndpoints(activeEndpoints);
    }

    public ConnectionMeters connections() {
        return connections;
    }

    public DeliveryMeters deliveries() {
        return deliveries;
    }

    public BranchMeters branches() {
        return branches;
    }

    /** Every meter in the Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }
}
