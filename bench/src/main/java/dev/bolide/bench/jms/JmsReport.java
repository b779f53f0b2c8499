package dev.bolide.bench.jms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The table: each metric with every broker's figure, and Bolide's as a multiple of the best other
 * broker's (Artemis as shipped or tuned, whichever did better on that line) against the target (≥ 1).
 */
final class JmsReport {
    private static final String CELL = "  %-24s";
    private static final String TAIL = "  %6s  %s%n";

    private JmsReport() {
    }

    /** @param brokers each broker's figures by its column name, Bolide's under {@code Bolide} */
    static String render(String heading, Map<String, Figures> brokers) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "%-42s", "line"));
        brokers.keySet().forEach(name -> out.append(String.format(Locale.ROOT, CELL, name)));
        out.append(String.format(Locale.ROOT, TAIL, "ratio", "target (Bolide / best other)"));
        Figures bolide = brokers.getOrDefault("Bolide", Figures.unavailable("not run"));
        List<Figures> others = new ArrayList<>();
        brokers.forEach((name, figures) -> {
            if (!name.equals("Bolide")) {
                others.add(figures);
            }
        });
        for (String metric : JmsWorkload.METRICS) {
            out.append(String.format(Locale.ROOT, "%-42s", metric));
            brokers.values().forEach(figures -> out.append(String.format(Locale.ROOT, CELL, figures.cell(metric))));
            OptionalDouble ours = bolide.value(metric);
            OptionalDouble best = others.stream().map(figures -> figures.value(metric)).filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble).max();
            boolean comparable = ours.isPresent() && best.isPresent() && !JmsWorkload.LATENCIES.contains(metric);
            double ratio = comparable ? ours.getAsDouble() / best.getAsDouble() : Double.NaN;
            out.append(String.format(Locale.ROOT, TAIL, comparable ? String.format(Locale.ROOT, "%.2f", ratio) : "-",
                    comparable ? (ratio >= 1.0 ? "ok" : "MISS") : ""));
        }
        return out.toString();
    }
}
