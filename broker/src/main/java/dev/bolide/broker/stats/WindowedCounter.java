package dev.bolide.broker.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * A count and how many times it was added to, with what was added over the last minute, hour
 * and day (RocketMQ's {@code StatsItem}, which mqadmin {@code statsAll} and {@code exportMetrics}
 * read). {@link #sample} runs once a second; the minute window is measured from one-second
 * samples, the hour from one-minute samples and the day from one-hour samples, each ending at the
 * newest sample. A new counter starts from a zero sample, so its first additions count.
 */
public final class WindowedCounter {
    private static final int SECONDS_PER_MINUTE = 60;
    private static final int SECONDS_PER_HOUR = 3600;

    /** What was added within a window: the sum, per second, and per addition. */
    public record Snapshot(long sum, double tps, double avgpt) {
    }

    private record Sample(long millis, long value, long times) {
    }

    /** The newest {@code capacity} samples. */
    private static final class Ring {
        private final Sample[] samples;
        private int pushed;

        Ring(int capacity) {
            samples = new Sample[capacity];
        }

        void push(Sample sample) {
            samples[pushed++ % samples.length] = sample;
        }

        Sample oldest() {
            return samples[pushed <= samples.length ? 0 : pushed % samples.length];
        }

        Sample newest() {
            return samples[(pushed - 1) % samples.length];
        }
    }

    private final LongAdder value = new LongAdder();
    private final LongAdder times = new LongAdder();
    private final Ring seconds = new Ring(SECONDS_PER_MINUTE + 1);
    private final Ring minutes = new Ring(61);
    private final Ring hours = new Ring(25);
    private long sampled;

    public WindowedCounter(long nowMillis) {
        Sample zero = new Sample(nowMillis, 0, 0);
        seconds.push(zero);
        minutes.push(zero);
        hours.push(zero);
    }

    public void add(long count) {
        value.add(count);
        times.increment();
    }

    /** Everything added since it was created. */
    public long total() {
        return value.sum();
    }

    public synchronized void sample(long nowMillis) {
        Sample sample = new Sample(nowMillis, value.sum(), times.sum());
        seconds.push(sample);
        sampled++;
        if (sampled % SECONDS_PER_MINUTE == 0) {
            minutes.push(sample);
        }
        if (sampled % SECONDS_PER_HOUR == 0) {
            hours.push(sample);
        }
    }

    public synchronized Snapshot lastMinute() {
        return between(seconds.oldest());
    }

    public synchronized Snapshot lastHour() {
        return between(minutes.oldest());
    }

    public synchronized Snapshot lastDay() {
        return between(hours.oldest());
    }

    private Snapshot between(Sample oldest) {
        Sample newest = seconds.newest();
        long sum = newest.value() - oldest.value();
        long span = newest.millis() - oldest.millis();
        long additions = newest.times() - oldest.times();
        return new Snapshot(sum, span > 0 ? sum * 1000.0 / span : 0, additions > 0 ? (double) sum / additions : 0);
    }
}
