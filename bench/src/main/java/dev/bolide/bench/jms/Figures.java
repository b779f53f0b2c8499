package dev.bolide.bench.jms;

import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Each metric's median over the rounds (of an even count, the lower middle: no figure that was not
     * measured); a metric some round could not run is unavailable, for that round's reason.
     */
    static Figures median(List<Figures> rounds) {
        Figures median = new Figures();
        for (String metric : JmsWorkload.METRICS) {
            List<Double> measured = rounds.stream().map(round -> round.values.get(metric)).toList();
            if (measured.contains(null)) {
                median.unavailable(metric, rounds.get(measured.indexOf(null)).missing.getOrDefault(metric, "not run"));
            } else {
                median.put(metric, measured.stream().sorted().toList().get((measured.size() - 1) / 2));
            }
        }
        return median;
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
