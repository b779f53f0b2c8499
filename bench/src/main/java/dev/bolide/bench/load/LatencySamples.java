package dev.bolide.bench.load;

import java.util.Arrays;
import java.util.Collection;

/**
 * Every latency of a run, kept whole so that percentiles are exact. One instance per sending
 * thread (no locking on the hot path), merged once the run is over; a 10-second run at 50,000
 * sends/s holds 4 MB, so a sample array needs no histogram library.
 */
public final class LatencySamples {
    private long[] nanos = new long[1 << 14];
    private int count;
    private boolean sorted;

    public void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
        sorted = false;
    }

    public static LatencySamples merge(Collection<LatencySamples> parts) {
        LatencySamples merged = new LatencySamples();
        merged.nanos = new long[Math.max(1, parts.stream().mapToInt(part -> part.count).sum())];
        for (LatencySamples part : parts) {
            System.arraycopy(part.nanos, 0, merged.nanos, merged.count, part.count);
            merged.count += part.count;
        }
        return merged;
    }

    public int count() {
        return count;
    }

    /** The nearest-rank percentile in milliseconds, {@code NaN} when nothing was recorded. */
    public double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(nanos, 0, count);
            sorted = true;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return nanos[Math.max(0, rank - 1)] / 1_000_000.0;
    }
}
