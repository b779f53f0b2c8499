package dev.bolide.bench.jms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** One broker's figures by metric, or for a metric it could not run, why not. */
final class Figures {
    private static final int MAX_REASON = 60;

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> missing = new LinkedHashMap<>();

    void put(String metric, double value) {
        values.put(metric, value);
    }

    void unavailable(String metric, String reason) {
        missing.put(metric, reason);
    }

    /** Every metric of the workload marked unavailable for the same reason. */
    static Figures unavailable(String reason) {
        Figures figures = new Figures();
        for (String metric : JmsWorkload.METRICS) {
            figures.unavailable(metric, reason);
        }
        return figures;
    }

    OptionalDouble value(String metric) {
        Double value = values.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** The figure as the table shows it: the number, or {@code n/a (reason)}; never a made-up number. */
    String cell(String metric) {
        if (values.containsKey(metric)) {
            double value = values.get(metric);
            return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
        }
        return "n/a (" + shortened(missing.getOrDefault(metric, "not measured")) + ")";
    }

    /** The reason's first clause, so that the table stays readable; the run's log has it whole. */
    private static String shortened(String reason) {
        String clause = reason.split("[(;:]", 2)[0].strip();
        return clause.length() <= MAX_REASON ? clause : clause.substring(0, MAX_REASON - 3) + "...";
    }
}
