package dev.bolide.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side table: for each workload, both brokers' msgs/s and send latencies, and
 * Bolide's rate as a multiple of RocketMQ's against the target; then every figure that cannot be
 * trusted, with the reason.
 */
final class LoadReport {
    /** The target: Bolide at least as fast as RocketMQ, on every send and consume workload. */
    static final double TARGET_RATIO = 1.0;
    private static final String FORMAT = "%-26s  %13s  %7s  %7s  %15s  %7s  %7s  %6s  %s%n";

    private final Map<String, Measurement> bolide;
    private final Map<String, Measurement> rocketMq;

    LoadReport(List<Measurement> bolide, List<Measurement> rocketMq) {
        this.bolide = byWorkload(bolide);
        this.rocketMq = byWorkload(rocketMq);
    }

    private static Map<String, Measurement> byWorkload(List<Measurement> measurements) {
        Map<String, Measurement> map = new LinkedHashMap<>();
        measurements.forEach(measurement -> map.put(measurement.workload(), measurement));
        return map;
    }

    String render(String heading) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(line("workload", "Bolide msgs/s", "p50 ms", "p99 ms", "RocketMQ msgs/s", "p50 ms", "p99 ms",
                "ratio", "target"));
        for (String workload : workloads()) {
            Measurement ours = bolide.get(workload);
            Measurement theirs = rocketMq.get(workload);
            double ratio = ours == null || theirs == null ? Double.NaN
                    : ours.messagesPerSecond() / theirs.messagesPerSecond();
            out.append(line(workload, rate(ours), p50(ours), p99(ours), rate(theirs), p50(theirs), p99(theirs),
                    decimal(ratio, 2), verdict(ratio)));
        }
        warnings(out, "Bolide", bolide);
        warnings(out, "RocketMQ", rocketMq);
        return out.toString();
    }

    private List<String> workloads() {
        List<String> workloads = new ArrayList<>(bolide.keySet());
        rocketMq.keySet().stream().filter(workload -> !workloads.contains(workload)).forEach(workloads::add);
        return workloads;
    }

    private static void warnings(StringBuilder out, String broker, Map<String, Measurement> measurements) {
        for (Measurement measurement : measurements.values()) {
            if (measurement.problem() != null) {
                out.append(String.format(Locale.ROOT, "WARNING: %s, %s: %s%n", broker, measurement.workload(),
                        measurement.problem()));
            }
        }
    }

    private static String line(Object... cells) {
        return String.format(Locale.ROOT, FORMAT, cells);
    }

    private static String rate(Measurement measurement) {
        return measurement == null ? "-" : decimal(measurement.messagesPerSecond(), 0);
    }

    private static String p50(Measurement measurement) {
        return measurement == null ? "-" : decimal(measurement.p50Millis(), 2);
    }

    private static String p99(Measurement measurement) {
        return measurement == null ? "-" : decimal(measurement.p99Millis(), 2);
    }

    static String decimal(double value, int places) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static String verdict(double ratio) {
        if (Double.isNaN(ratio)) {
            return "";
        }
        return String.format(Locale.ROOT, ">=%.2f %s", TARGET_RATIO, ratio >= TARGET_RATIO ? "ok" : "MISS");
    }
}
