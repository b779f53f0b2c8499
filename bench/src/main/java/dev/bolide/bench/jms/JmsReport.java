package dev.bolide.bench.jms;

import java.util.Locale;
import java.util.OptionalDouble;

/** The table: each metric with Bolide's figure, Artemis's and the ratio Bolide/Artemis against the target (≥ 1). */
final class JmsReport {
    private static final String FORMAT = "%-42s  %-24s  %-24s  %6s  %s%n";

    private JmsReport() {
    }

    static String render(String heading, Figures bolide, Figures artemis) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, FORMAT, "line", "Bolide", "Artemis", "ratio", "target"));
        for (String metric : JmsWorkload.METRICS) {
            OptionalDouble ours = bolide.value(metric);
            OptionalDouble theirs = artemis.value(metric);
            boolean comparable = ours.isPresent() && theirs.isPresent() && !JmsWorkload.LATENCIES.contains(metric);
            double ratio = comparable ? ours.getAsDouble() / theirs.getAsDouble() : Double.NaN;
            out.append(String.format(Locale.ROOT, FORMAT, metric, bolide.cell(metric), artemis.cell(metric),
                    comparable ? String.format(Locale.ROOT, "%.2f", ratio) : "-",
                    comparable ? (ratio >= 1.0 ? "ok" : "MISS") : ""));
        }
        return out.toString();
    }
}
