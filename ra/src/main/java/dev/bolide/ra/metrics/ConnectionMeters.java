package dev.bolide.ra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbound side as the adapter sees it (the server's pool is the server's): managed connections
 * created ({@code bolide_ra_managed_connections_opened_total}: Prometheus reserves the suffix
 * {@code _created}), destroyed ({@code _destroyed_total}), the managed
 * connections open now ({@code bolide_ra_managed_connections}), and the application's handles on
 * them not closed yet ({@code bolide_ra_connection_handles}).
 */
public final class ConnectionMeters {
    private final Counter created;
    private final Counter destroyed;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong handles = new AtomicLong();

    ConnectionMeters(MeterRegistry registry) {
        created = Counter.builder("bolide.ra.managed.connections.opened")
                .description("managed connections the adapter opened").register(registry);
        destroyed = Counter.builder("bolide.ra.managed.connections.destroyed")
                .description("managed connections the server destroyed").register(registry);
        Gauge.builder("bolide.ra.managed.connections", open, AtomicLong::get)
                .description("managed connections open now").register(registry);
        Gauge.builder("bolide.ra.connection.handles", handles, AtomicLong::get)
                .description("connection handles the application holds now").register(registry);
    }

    public void created() {
        created.increment();
        open.incrementAndGet();
    }

    public void destroyed() {
        destroyed.increment();
        open.decrementAndGet();
    }

    public void handleOpened() {
        handles.incrementAndGet();
    }

    /** @param count handles closed or invalidated at once */
    public void handlesClosed(int count) {
        handles.addAndGet(-count);
    }
}
