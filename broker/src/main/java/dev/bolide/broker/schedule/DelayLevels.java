package dev.bolide.broker.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RocketMQ's delay levels ({@code messageDelayLevel}): level n (from 1) delays a message by the
 * n-th duration of the list. A level above the highest means the highest, as in RocketMQ; a level
 * of 0 or less means no delay.
 */
public record DelayLevels(List<Duration> delays) {
    /** RocketMQ's default {@code messageDelayLevel}. */
    public static final String DEFAULT_TEXT = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
    public static final DelayLevels DEFAULT = parse(DEFAULT_TEXT);

    public DelayLevels {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("at least one delay level is needed");
        }
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("a delay cannot be negative");
        }
    }

    /**
     * RocketMQ's syntax: durations separated by spaces, each a whole number with a unit, {@code s},
     * {@code m}, {@code h} or {@code d} ({@code "1s 5s 10s 30s 1m ... 2h"}).
     */
    public static DelayLevels parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String item : text.trim().split("\\s+")) {
            delays.add(duration(item));
        }
        return new DelayLevels(delays);
    }

    private static Duration duration(String item) {
        if (item.length() < 2) {
            throw new IllegalArgumentException("'" + item + "' is not a delay such as 5s, 2m, 1h or 1d");
        }
        long amount;
        try {
            amount = Long.parseLong(item.substring(0, item.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + item + "' is not a delay such as 5s, 2m, 1h or 1d");
        }
        return switch (item.charAt(item.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("'" + item + "' has no unit s, m, h or d");
        };
    }

    public int highest() {
        return delays.size();
    }

    /** The level a message asking for {@code level} (at least 1) gets: at most the highest. */
    public int clamp(int level) {
        return Math.min(level, highest());
    }

    /** @param level from 1 to {@link #highest()} */
    public long delayMillis(int level) {
        return delays.get(level - 1).toMillis();
    }

    /** When a message stored at {@code storeTimestamp} with this level is due. */
    public long dueTime(int level, long storeTimestamp) {
        return storeTimestamp + delayMillis(level);
    }

    /** The levels in RocketMQ's syntax. */
    @Override
    public String toString() {
        return delays.stream().map(DelayLevels::format).collect(Collectors.joining(" "));
    }

    private static String format(Duration delay) {
        long seconds = delay.toSeconds();
        if (seconds % 86_400 == 0 && seconds > 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0 && seconds > 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
