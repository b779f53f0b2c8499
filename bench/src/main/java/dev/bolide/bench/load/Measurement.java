package dev.bolide.bench.load;

import java.util.Locale;

/**
 * One measured workload against one broker.
 *
 * @param workload     what was measured, the same text for both brokers
 * @param messages     messages sent with SEND_OK, or received by the consumer
 * @param failures     sends that threw or did not return SEND_OK
 * @param elapsedNanos from the first send (or the consumer's start) to the last reply (or message)
 * @param latencies    per-send latencies; {@code null} for consumption
 * @param problem      why the figure cannot be trusted, or {@code null}
 */
record Measurement(String workload, long messages, long failures, long elapsedNanos, LatencySamples latencies,
                   String problem) {

    /**
     * This measurement with no more messages than {@code found} (the broker's count of them): the
     * rest become failures, and the figure says so.
     */
    Measurement countingOnly(long found) {
        if (found >= messages) {
            return this;
        }
        String shortfall = String.format(Locale.ROOT, "only %d of %d messages found on the broker", found, messages);
        return new Measurement(workload, found, failures + messages - found, elapsedNanos, latencies,
                problem == null ? shortfall : shortfall + "; " + problem);
    }

    double messagesPerSecond() {
        return elapsedNanos == 0 ? Double.NaN : messages * 1e9 / elapsedNanos;
    }

    double p50Millis() {
        return latencies == null ? Double.NaN : latencies.percentileMillis(50);
    }

    double p99Millis() {
        return latencies == null ? Double.NaN : latencies.percentileMillis(99);
    }
}
