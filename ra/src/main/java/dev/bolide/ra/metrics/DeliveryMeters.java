package dev.bolide.ra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/**
 * The inbound side: the endpoints delivered to now ({@code bolide_ra_endpoints_active}), the
 * messages handed to onMessage ({@code bolide_ra_messages_delivered_total}), of them those
 * flagged JMSRedelivered ({@code bolide_ra_redeliveries_total}), and the onMessage calls that threw
 * ({@code bolide_ra_delivery_failures_total}).
 */
public final class DeliveryMeters {
    private final MeterRegistry registry;
    private final Counter delivered;
    private final Counter redelivered;
    private final Counter failed;

    DeliveryMeters(MeterRegistry registry) {
        this.registry = registry;
        delivered = Counter.builder("bolide.ra.messages.delivered")
                .description("messages the adapter's activations handed to onMessage").register(registry);
        redelivered = Counter.builder("bolide.ra.redeliveries")
                .description("messages handed to onMessage again (JMSRedelivered)").register(registry);
        failed = Counter.builder("bolide.ra.delivery.failures")
                .description("onMessage calls that threw").register(registry);
    }

    void activeEndpoints(IntSupplier active) {
        // Micrometer holds a gauge's object weakly; nothing else holds this lambda
        Gauge.builder("bolide.ra.endpoints.active", active, IntSupplier::getAsInt).strongReference(true)
                .description("message endpoints the adapter delivers to now").register(registry);
    }

    /** A message is handed to onMessage; {@code redelivery} when it was flagged JMSRedelivered. */
    public void delivering(boolean redelivery) {
        delivered.increment();
        if (redelivery) {
            redelivered.increment();
        }
    }

    /** onMessage threw. */
    public void failed() {
        failed.increment();
    }
}
