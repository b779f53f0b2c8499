package dev.bolide.broker.metrics;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Meters whose set follows the broker's state (one per topic, per group): registered, or found
 * registered, again before each scrape. Registering an existing meter returns it, so this costs a
 * lookup per meter and scrape, and nothing between scrapes.
 */
@FunctionalInterface
public interface ScrapedMeters {
    void update(MeterRegistry registry);
}
