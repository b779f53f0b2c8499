package dev.bolide.broker.schedule;

import dev.bolide.broker.send.Destination;
import dev.bolide.broker.send.Diversion;
import dev.bolide.protocol.message.PropertyKeys;
import java.util.Map;

/**
 * Parks a message with a delay level ({@code DELAY} &gt; 0) in its level's schedule queue, the
 * RocketMQ way: the level clamped to the highest, the real topic and queue in {@code REAL_TOPIC}
 * and {@code REAL_QID}. A half message of a transaction is stored before any diversion; its delay
 * applies when the transaction commits (a committed message keeps {@code TRAN_MSG=true}, as in
 * RocketMQ, and is delayed like any other).
 */
public final class DelayedSends implements Diversion {
    private final DelayLevels levels;

    public DelayedSends(DelayLevels levels) {
        this.levels = levels;
    }

    @Override
    public Destination divert(Destination requested, Map<String, String> properties, int reconsumeTimes,
            int maxReconsumeTimes) {
        int level = level(properties.get(PropertyKeys.DELAY_TIME_LEVEL));
        if (level <= 0) {
            return requested;
        }
        int clamped = levels.clamp(level);
        properties.put(PropertyKeys.DELAY_TIME_LEVEL, Integer.toString(clamped));
        properties.put(PropertyKeys.REAL_TOPIC, requested.topic());
        properties.put(PropertyKeys.REAL_QUEUE_ID, Integer.toString(requested.queueId()));
        // only deliveries carry a mark: one copied from a delivered message means nothing here
        properties.remove(DeliveryMark.KEY);
        return new Destination(ScheduleTopic.NAME, ScheduleTopic.queueOf(clamped));
    }

    private static int level(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("delay level " + PropertyKeys.DELAY_TIME_LEVEL + " = '" + value
                    + "' is not a number");
        }
    }
}
