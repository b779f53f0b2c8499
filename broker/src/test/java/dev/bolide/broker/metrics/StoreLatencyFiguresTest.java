package dev.bolide.broker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StoreLatencyFiguresTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Map<String, String> figures() {
        Map<String, String> table = new TreeMap<>();
        new StoreLatencyFigures(registry).putInto(table);
        return table;
    }

    @Test
    void theSendHistogramGivesRocketMqsDistributionAndInterpolatedPercentiles() {
        var sends = LatencyHistogram.timer(TimedRequests.SEND_LATENCY, "sends", registry);
        for (int i = 0; i < 98; i++) {
            sends.record(Duration.ofNanos(500_000));
        }
        sends.record(Duration.ofMillis(30));
        sends.record(Duration.ofMillis(30));

        Map<String, String> table = figures();

        assertThat(table.get("putMessageDistributeTime")).isEqualTo("[<=0ms]:98 [0~10ms]:0 [10~50ms]:2 [50~100ms]:0 "
                + "[100~200ms]:0 [200~500ms]:0 [500ms~1s]:0 [1~2s]:0 [2~3s]:0 [3~4s]:0 [4~5s]:0 [5~10s]:0 [10s~]:0 ");
        // the 99th of 100 is the first of the two in the bucket from 25 to 50 ms: halfway
        assertThat(table.get("putLatency99")).isEqualTo("37.50");
        assertThat(table.get("putMessageEntireTimeMax")).isEqualTo("30");
    }

    @Test
    void aBrokerWithoutSendsOrPullsShowsZerosAsRocketMqAtStart() {
        assertThat(figures()).containsEntry("putLatency99", "0.00").containsEntry("putLatency999", "0.00")
                .containsEntry("putMessageEntireTimeMax", "0").containsEntry("getMessageEntireTimeMax", "0")
                .containsEntry("putMessageFailedTimes", "0").hasEntrySatisfying("putMessageDistributeTime",
                        distribution -> assertThat(distribution).doesNotContainPattern(":[1-9]"));
    }
}
