package dev.bolide.broker.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The buckets of every latency histogram, from 50 µs (a page-cache append) to 10 s (a stalled
 * disk): fixed buckets, so that recording is a search in 20 bounds and an increment. They include
 * every bound of RocketMQ's {@code putMessageDistributeTime} (1, 10, 50, 100, 200, 500 ms, 1 to
 * 5 s, 10 s), which mqadmin {@code brokerStatus} shows from them ({@link StoreLatencyFigures}).
 */
final class LatencyHistogram {
    private static final Duration[] BUCKETS = {Duration.ofNanos(50_000), Duration.ofNanos(100_000),
        Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4),
        Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private LatencyHistogram() {
    }

    static Timer timer(String name, String description, MeterRegistry registry) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS).register(registry);
    }
}
