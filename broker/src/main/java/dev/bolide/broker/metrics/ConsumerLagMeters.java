package dev.bolide.broker.metrics;

import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.store.MessageStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bolide_consumer_lag_messages{group, topic}}: the messages a group has yet to consume on
 * a topic, over the queues it committed offsets on (each queue's end offset less the committed
 * one), as mqadmin's consumerProgress counts its diff.
 */
public final class ConsumerLagMeters implements ScrapedMeters {
    private final ConsumerOffsets offsets;
    private final MessageStore store;
    private MultiGauge lag;

    public ConsumerLagMeters(ConsumerOffsets offsets, MessageStore store) {
        this.offsets = offsets;
        this.store = store;
    }

    @Override
    public synchronized void update(MeterRegistry registry) {
        if (lag == null) {
            lag = MultiGauge.builder("bolide.consumer.lag").baseUnit("messages")
                    .description("messages a consumer group has yet to consume on a topic").register(registry);
        }
        Map<List<String>, Long> byGroupAndTopic = new TreeMap<>((a, b) -> String.join("\n", a)
                .compareTo(String.join("\n", b)));
        offsets.forEachCommitted((group, topic, queueId, offset) -> byGroupAndTopic.merge(List.of(group, topic),
                Math.max(0, store.maxOffset(topic, queueId) - offset), Long::sum));
        lag.register(byGroupAndTopic.entrySet().stream().map(entry -> MultiGauge.Row.of(
                Tags.of("group", entry.getKey().get(0), "topic", entry.getKey().get(1)), entry.getValue()))
                .toList(), true);
    }
}
