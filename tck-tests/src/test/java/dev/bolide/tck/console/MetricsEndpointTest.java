package dev.bolide.tck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.tck.rocketmq.BrokerProcess;
import dev.bolide.testsupport.FreePorts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of the launched broker, fed by the real rocketmq-client 4.9.8 and read by a
 * Prometheus text-format parser: the counters move by exactly what the clients did, and with
 * {@code aclEnable} the endpoint asks for a {@code plain_acl.yml} account.
 */
class MetricsEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOPIC = "Metered";
    private static final String GROUP = "MeteredReaders";
    private static final Map<String, String> OF_TOPIC = Map.of("topic", TOPIC);
    private static final Map<String, String> OF_TOPIC_AND_GROUP = Map.of("topic", TOPIC, "group", GROUP);

    @TempDir
    Path dir;

    @Test
    void countersMoveByExactlyTheMessagesSentAndConsumed() throws Exception {
        int consolePort = FreePorts.freePort();
        ConsoleHttp console = new ConsoleHttp(consolePort);
        try (BrokerProcess broker = BrokerProcess.start(dir, "consoleListenPort = " + consolePort)) {
            DefaultMQProducer producer = broker.startProducer(ConsoleFixture::patient);
            try {
                send(producer, "first", 10);
                await().atMost(WAIT).until(() -> scrape(console).counter("bolide_messages_in_total", OF_TOPIC) == 10);
                PrometheusText before = scrape(console);

                send(producer, "second", 25);

                await().atMost(WAIT).until(() -> scrape(console).counter("bolide_messages_in_total", OF_TOPIC) >= 35);
                PrometheusText after = scrape(console);
                assertThat(after.counter("bolide_messages_in_total", OF_TOPIC)
                        - before.counter("bolide_messages_in_total", OF_TOPIC)).isEqualTo(25);
                assertThat(after.histogramCount("bolide_send_latency_seconds")
                        - before.histogramCount("bolide_send_latency_seconds")).isEqualTo(25);
                assertThat(after.counter("bolide_messages_in_bytes_total", OF_TOPIC)
                        - before.counter("bolide_messages_in_bytes_total", OF_TOPIC))
                        .as("each stored message: its body and its headers").isGreaterThan(25 * "second-0".length());
                assertThat(after.histogramCount("bolide_commitlog_append_latency_seconds")
                        - before.histogramCount("bolide_commitlog_append_latency_seconds")).isGreaterThanOrEqualTo(25);

                Message inAnHour = new Message("Later", "in an hour".getBytes(StandardCharsets.UTF_8));
                inAnHour.putUserProperty("TIMER_DELAY_SEC", "3600");
                double sentAt = System.currentTimeMillis() / 1000.0;
                producer.send(inAnHour);
                await().atMost(WAIT).until(() -> scrape(console).gauge("bolide_timers_pending", Map.of()) == 1);
                await().atMost(WAIT).until(() -> !Double.isNaN(scrape(console).gauge(
                        "bolide_timers_next_due_timestamp_seconds", Map.of())));
                assertThat(scrape(console).gauge("bolide_timers_next_due_timestamp_seconds", Map.of()) - sentAt)
                        .as("seconds from the send to the timer's time").isBetween(3600.0 - 60, 3600.0 + 300);
            } finally {
                producer.shutdown();
            }

            Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = broker.startConsumer(GROUP, TOPIC, received);
            try {
                await().atMost(WAIT).until(() -> received.size() == 35);
                await().atMost(WAIT).untilAsserted(() -> {
                    PrometheusText consumed = scrape(console);
                    assertThat(consumed.counter("bolide_messages_out_total", OF_TOPIC_AND_GROUP)).isEqualTo(35);
                    assertThat(consumed.gauge("bolide_consumer_lag_messages", Map.of("group", GROUP, "topic", TOPIC)))
                            .isZero();
                });
                PrometheusText consumed = scrape(console);
                assertThat(consumed.histogramCount("bolide_pull_latency_seconds")).isPositive();
                assertThat(consumed.counter("bolide_messages_out_bytes_total", OF_TOPIC_AND_GROUP))
                        .isGreaterThan(35 * "first-0".length());
                assertThat(consumed.gauge("bolide_xa_branches", Map.of("state", "PREPARED"))).isZero();
                assertThat(List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
                        "process_uptime_seconds", "bolide_commitlog_flush_latency_seconds"))
                        .allMatch(consumed::has);
            } finally {
                consumer.shutdown();
            }
        }
    }

    @Test
    void withAccessControlMetricsNeedAPlainAclAccountAndChangesAnAdminOne() throws Exception {
        Path acl = Files.writeString(dir.resolve("plain_acl.yml"), """
                accounts:
                  - accessKey: watcher
                    secretKey: watcher-secret
                  - accessKey: operator
                    secretKey: operator-secret
                    admin: true
                """);
        int consolePort = FreePorts.freePort();
        ConsoleHttp console = new ConsoleHttp(consolePort);
        try (BrokerProcess broker = BrokerProcess.start(dir, "aclEnable = true", "aclConfigFile = " + acl,
                "consoleListenPort = " + consolePort)) {
            HttpResponse<String> anonymous = console.get("/metrics");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic"));
            assertThat(console.get("/metrics", "watcher", "not-the-secret").statusCode()).isEqualTo(401);

            HttpResponse<String> signed = console.get("/metrics", "watcher", "watcher-secret");
            assertThat(signed.statusCode()).isEqualTo(200);
            assertThat(PrometheusText.parse(signed.body()).has("jvm_memory_used_bytes")).isTrue();

            HttpResponse<String> notAdmin = console.post("/metrics", "watcher", "watcher-secret");
            assertThat(notAdmin.statusCode()).as("a change asked by an account that is not an admin").isEqualTo(403);
            assertThat(notAdmin.body()).as("refused by the access control, before the form token is looked at")
                    .doesNotContain("form token");
            HttpResponse<String> noToken = console.post("/metrics", "operator", "operator-secret");
            assertThat(noToken.statusCode()).as("let through, and refused for want of a form token").isEqualTo(403);
            assertThat(noToken.body()).contains("form token");
        }
    }

    private static void send(DefaultMQProducer producer, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            assertThat(producer.send(new Message(TOPIC, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8)))
                    .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
    }

    private static PrometheusText scrape(ConsoleHttp console) throws Exception {
        HttpResponse<String> response = console.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(response.body());
    }
}
