package dev.bolide.broker.schedule;

import java.time.Duration;

/**
 * How delayed messages are scheduled, under RocketMQ's {@code broker.conf} keys.
 *
 * @param messageDelayLevel        the delay of each level
 * @param flushDelayOffsetInterval how often delivery progress is written to {@code delayOffset.json}
 *                                 (RocketMQ's default 10 s); after a crash, deliveries since the last
 *                                 write are found again in the CommitLog, so this only bounds that work
 */
public record ScheduleSettings(DelayLevels messageDelayLevel, Duration flushDelayOffsetInterval) {
    public static final ScheduleSettings DEFAULT = new ScheduleSettings(DelayLevels.DEFAULT, Duration.ofSeconds(10));

    public ScheduleSettings {
        if (flushDelayOffsetInterval.isNegative() || flushDelayOffsetInterval.isZero()) {
            throw new IllegalArgumentException("flushDelayOffsetInterval must be positive");
        }
    }
}
