package dev.bolide.bench.load;

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
