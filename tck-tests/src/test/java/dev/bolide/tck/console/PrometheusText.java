package dev.bolide.tck.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;

/** A scrape of {@code /metrics} as a Prometheus text-format parser reads it: metric families by name. */
final class PrometheusText {
    private final Map<String, MetricFamily> families;

    private PrometheusText(Map<String, MetricFamily> families) {
        this.families = families;
    }

    static PrometheusText parse(String text) {
        Map<String, MetricFamily> families = new HashMap<>();
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
                families.put(family.getName(), family);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PrometheusText(families);
    }

    boolean has(String family) {
        return families.containsKey(family);
    }

    /** The counter of {@code family} with exactly these labels; 0 when there is none yet, as Prometheus takes it. */
    double counter(String family, Map<String, String> labels) {
        return sample(family, labels).map(metric -> ((Counter) metric).getValue()).orElse(0.0);
    }

    double gauge(String family, Map<String, String> labels) {
        return sample(family, labels).map(metric -> ((Gauge) metric).getValue())
                .orElseThrow(() -> new AssertionError("no " + family + labels + " in " + families.keySet()));
    }

    /** How many observations the histogram {@code family} (without labels) has; 0 when there is none yet. */
    long histogramCount(String family) {
        return sample(family, Map.of()).map(metric -> ((Histogram) metric).getSampleCount()).orElse(0L);
    }

    private Optional<Metric> sample(String family, Map<String, String> labels) {
        MetricFamily found = families.get(family);
        if (found == null) {
            return Optional.empty();
        }
        return found.getMetrics().stream().filter(metric -> metric.getLabels().equals(labels)).findFirst();
    }
}
