package dev.bolide.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.EmbeddedAdapters;
import dev.bolide.ra.PooledBootstrapContext;
import dev.bolide.ra.outbound.BolideManagedConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.resource.spi.ManagedConnection;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.transaction.xa.XAResource;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter's figures as Prometheus scrapes them from {@code metricsListenPort}, read with a
 * Prometheus text-format parser: an EMBEDDED adapter (a real broker on loopback), an endpoint
 * activated on a real WorkManager, messages sent by the Bolide Jakarta Messaging client, and XA
 * branches run through a managed connection as a transaction manager runs them. Every counter moves
 * by exactly what the test did; the embedded broker's figures come in the same scrape.
 */
class AdapterMetricsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static PooledBootstrapContext server;
    private static BolideResourceAdapter adapter;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void adapterServingMetrics() throws Exception {
        server = new PooledBootstrapContext();
        adapter = new BolideResourceAdapter();
        adapter.setMetricsListenPort(0);
        EmbeddedAdapters.start(adapter, dir.resolve("store"), server);
    }

    @AfterAll
    static void stopAdapter() throws Exception {
        adapter.stop();
        server.close();
    }

    @Test
    void deliveriesFailuresAndRedeliveriesCountWhatTheEndpointWasHanded() throws Exception {
        String queue = "Metered" + System.nanoTime();
        Map<String, Double> before = scrape();
        boolean[] failed = {false};
        RecordingEndpointFactory factory = new RecordingEndpointFactory(message -> {
            if (!failed[0] && text(message).equals("order 2")) {
                failed[0] = true;
                throw new IllegalStateException("failing once on purpose");
            }
        }, false);
        BolideActivationSpec spec = new BolideActivationSpec();
        spec.setDestination(queue);
        spec.setMaxSession(1);
        send(queue, "order 1", "order 2", "order 3");

        adapter.endpointActivation(factory, spec);
        try {
            await().atMost(PATIENCE).until(() -> factory.accepted().size() == 3);
            Map<String, Double> during = scrape();

            // three messages, one of them handed over twice
            assertThat(moved(before, during, "bolide_ra_messages_delivered_total")).isEqualTo(4);
            assertThat(moved(before, during, "bolide_ra_delivery_failures_total")).isEqualTo(1);
            assertThat(moved(before, during, "bolide_ra_redeliveries_total")).isEqualTo(1);
            assertThat(during.get("bolide_ra_endpoints_active")).isEqualTo(1);
            // the embedded broker's own figures in the same scrape
            assertThat(during.get("bolide_messages_in_total{topic=" + queue + "}")).isEqualTo(3);
        } finally {
            adapter.endpointDeactivation(factory, spec);
        }
        assertThat(scrape().get("bolide_ra_endpoints_active")).isZero();
    }

    @Test
    void managedConnectionsHandlesAndXaBranchesCountWhatTheServerDid() throws Exception {
        BolideManagedConnectionFactory connections = new BolideManagedConnectionFactory();
        connections.setResourceAdapter(adapter);
        Map<String, Double> before = scrape();
        String queue = "MeteredXa" + System.nanoTime();

        ManagedConnection managed = connections.createManagedConnection(null, null);
        Connection handle = (Connection) managed.getConnection(null, null);
        Map<String, Double> open = scrape();
        XAResource resource = managed.getXAResource();
        BranchId committed = BranchId.parse("4711:0a01:01");
        resource.start(committed, XAResource.TMNOFLAGS);
        send(handle, queue, "committed");
        resource.end(committed, XAResource.TMSUCCESS);
        resource.commit(committed, true);
        BranchId rolledBack = BranchId.parse("4711:0a02:01");
        resource.start(rolledBack, XAResource.TMNOFLAGS);
        send(handle, queue, "rolled back");
        resource.end(rolledBack, XAResource.TMSUCCESS);
        resource.rollback(rolledBack);
        handle.close();
        managed.destroy();
        Map<String, Double> after = scrape();

        assertThat(moved(before, open, "bolide_ra_managed_connections")).isEqualTo(1);
        assertThat(moved(before, open, "bolide_ra_connection_handles")).isEqualTo(1);
        assertThat(moved(before, after, "bolide_ra_managed_connections_opened_total")).isEqualTo(1);
        assertThat(moved(before, after, "bolide_ra_managed_connections_destroyed_total")).isEqualTo(1);
        assertThat(moved(before, after, "bolide_ra_managed_connections")).isZero();
        assertThat(moved(before, after, "bolide_ra_connection_handles")).isZero();
        assertThat(moved(before, after, "bolide_ra_xa_branches_total{outcome=started}")).isEqualTo(2);
        assertThat(moved(before, after, "bolide_ra_xa_branches_total{outcome=committed}")).isEqualTo(1);
        assertThat(moved(before, after, "bolide_ra_xa_branches_total{outcome=rolled_back}")).isEqualTo(1);
    }

    private static double moved(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }

    /** Every sample of the scrape, as {@code name} or {@code name{label=value}} (one label at most here). */
    private static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + adapter.metricsPort().orElseThrow() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            for (Metric metric : family.getMetrics()) {
                String labels = metric.getLabels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .reduce((a, b) -> a + "," + b).map(text -> "{" + text + "}").orElse("");
                if (metric instanceof Counter counter) {
                    samples.put(family.getName() + labels, counter.getValue());
                } else if (metric instanceof Gauge gauge) {
                    samples.put(family.getName() + labels, gauge.getValue());
                }
            }
        }
        return samples;
    }

    private static void send(String queue, String... texts) {
        try (JMSContext context = new BolideConnectionFactory(adapter.nameServerAddress()).createContext()) {
            for (String text : texts) {
                context.createProducer().send(context.createQueue(queue), text);
            }
        }
    }

    private static void send(Connection connection, String queue, String text) throws Exception {
        Session session = connection.createSession();
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(session.createTextMessage(text));
        } finally {
            session.close();
        }
    }

    private static String text(jakarta.jms.TextMessage message) {
        try {
            return message.getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
