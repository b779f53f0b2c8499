package dev.bolide.broker.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * A running total with its recent history: {@link #sample()} is called once a second and keeps
 * the last ten minutes of totals, from which rates over the last 10, 60 or 600 seconds follow.
 * Adding is contention-free; sampling is done by one thread.
 */
public final class RateCounter {
    /** Ten minutes of one-second samples, plus the current one. */
    private static final int SAMPLES = 601;

    private final LongAdder total = new LongAdder();
    private final long[] totals = new long[SAMPLES];
    private int samplesTaken;

    public void add(long count) {
        total.add(count);
    }

    public long total() {
        return total.sum();
    }

    /** Records the current total as the newest one-second sample. */
    public synchronized void sample() {
        totals[samplesTaken % SAMPLES] = total.sum();
        samplesTaken++;
    }

    /** Average per second over the last {@code seconds} sampled seconds (fewer if not sampled that long). */
    public synchronized double perSecond(int seconds) {
        if (samplesTaken < 2) {
            return 0;
        }
        int span = Math.min(Math.min(seconds, SAMPLES - 1), samplesTaken - 1);
        long newest = totals[(samplesTaken - 1) % SAMPLES];
        long oldest = totals[(samplesTaken - 1 - span) % SAMPLES];
        return (newest - oldest) / (double) span;
    }
}
