package dev.bolide.broker.timer;

import dev.bolide.protocol.message.MessageProperties;
import dev.bolide.protocol.message.PropertyKeys;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The RocketMQ 5 timer properties a producer sets (a 4.9 client sends them as user properties)
 * and the delivery time they ask for, read as RocketMQ 5 reads them: {@code TIMER_DELAY_SEC},
 * else {@code TIMER_DELAY_MS} (both from the moment the broker receives the message), else
 * {@code TIMER_DELIVER_MS} (epoch ms). A delay level wins over them (they are dropped); a
 * message already carrying {@code TIMER_OUT_MS} was delivered by a timer once and is not delayed
 * again; a transactional half message is not delayed (its commit may be).
 */
public final class TimerProperties {
    private static final List<String> REQUESTS = List.of(PropertyKeys.TIMER_DELAY_SEC, PropertyKeys.TIMER_DELAY_MS,
            PropertyKeys.TIMER_DELIVER_MS);

    private TimerProperties() {
    }

    /**
     * The delivery time {@code properties} ask for, if it lies after {@code now}; empty for a
     * message to store as it is (no timer property, or a time already past).
     *
     * @throws IllegalArgumentException when a timer property is not a whole number
     */
    static OptionalLong requestedDeliveryTime(Map<String, String> properties, long now) {
        String delayLevel = properties.get(PropertyKeys.DELAY_TIME_LEVEL);
        if (delayLevel != null && !delayLevel.equals("0")) {
            REQUESTS.forEach(properties::remove);
            return OptionalLong.empty();
        }
        // a half message never comes here: its timer starts when its transaction commits
        if (properties.containsKey(PropertyKeys.TIMER_OUT_MS)) {
            return OptionalLong.empty();
        }
        for (String key : REQUESTS) {
            String value = properties.get(key);
            if (value != null) {
                long deliverAt = deliveryTime(key, number(key, value), now);
                return deliverAt > now ? OptionalLong.of(deliverAt) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    private static long deliveryTime(String key, long value, long now) {
        return switch (key) {
            case PropertyKeys.TIMER_DELAY_SEC -> now + bounded(value, Long.MAX_VALUE / 4000) * 1000;
            case PropertyKeys.TIMER_DELAY_MS -> now + bounded(value, Long.MAX_VALUE / 4);
            default -> value;
        };
    }

    /** Absurd delays are cut to a size that cannot overflow; they stay far beyond any maximum delay. */
    private static long bounded(long value, long limit) {
        return Math.max(-limit, Math.min(value, limit));
    }

    private static long number(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    /**
     * Refuses timer properties (and forged delivery markers) in a batch: a batch is stored as one
     * run of records in one queue, with no way to hold back some of them.
     *
     * @param encoded the property string of a batch or of one of its messages
     * @throws IllegalArgumentException when it carries one
     */
    public static void refuseInBatch(String encoded) {
        for (String key : REQUESTS) {
            if (MessageProperties.find(encoded, key) != null) {
                throw new IllegalArgumentException(key + " is not supported on batch messages: send timer "
                        + "messages one by one");
            }
        }
        if (MessageProperties.find(encoded, DeliveryMarker.PROPERTY) != null) {
            throw new IllegalArgumentException(DeliveryMarker.PROPERTY + " is reserved for the broker");
        }
    }
}
