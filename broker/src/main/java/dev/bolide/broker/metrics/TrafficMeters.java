package dev.bolide.broker.metrics;

import dev.bolide.broker.stats.BrokerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Messages and bytes stored per topic and delivered per topic and group, read from the counters
 * {@link BrokerStats} keeps for mqadmin: {@code bolide_messages_in_total},
 * {@code bolide_messages_in_bytes_total}, {@code bolide_messages_out_total},
 * {@code bolide_messages_out_bytes_total}.
 */
public final class TrafficMeters implements ScrapedMeters {
    private final BrokerStats stats;

    public TrafficMeters(BrokerStats stats) {
        this.stats = stats;
    }

    @Override
    public void update(MeterRegistry registry) {
        stats.storedByTopic().forEach((topic, traffic) -> register(registry, "bolide.messages.in", traffic,
                Tags.of("topic", topic), "messages stored"));
        stats.deliveredByTopicAndGroup().forEach((topicAtGroup, traffic) -> {
            int at = topicAtGroup.lastIndexOf('@');
            register(registry, "bolide.messages.out", traffic, Tags.of("topic", topicAtGroup.substring(0, at),
                    "group", topicAtGroup.substring(at + 1)), "messages delivered to consumers by pulls");
        });
    }

    private static void register(MeterRegistry registry, String name, BrokerStats.Traffic traffic, Tags tags,
            String what) {
        FunctionCounter.builder(name, traffic.messages(), counter -> counter.total()).tags(tags)
                .description(what).register(registry);
        FunctionCounter.builder(name + ".bytes", traffic.bytes(), bytes -> bytes.sum()).tags(tags).baseUnit("bytes")
                .description("bytes of the " + what).register(registry);
    }
}
