package dev.bolide.tck.mqadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.tck.rocketmq.ScriptProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mqadmin 4.9.8 commands that watch a cluster rather than answer once: {@code clusterRT} and
 * {@code startMonitoring} run until the operator stops them, {@code queryMsgTraceById} reads what
 * tracing clients wrote to the trace topic.
 */
public abstract class WatchingCommandsContract extends MqAdminContract {
    private static final String TRACED = "Traced";

    /** clusterRT sends its messages to the topic named after each broker, which the broker creates. */
    @Test
    void clusterRtPrintsEachBrokersSendRoundTripTime() {
        String output = mqadminUntil(printed -> printed.contains(target().brokerName() + " "),
                "clusterRT", "-s", "64", "-a", "5", "-i", "60");

        assertThat(output).containsPattern("#Cluster Name\\s+#Broker Name\\s+#RT\\s+#successCount\\s+#failCount");
        List<String> row = output.lines().filter(line -> line.startsWith(target().clusterName() + " ")).findFirst()
                .map(line -> List.of(line.trim().split("\\s+"))).orElseThrow();
        assertThat(row).hasSize(5).startsWith(target().clusterName(), target().brokerName()).endsWith("5", "0");
        assertThat(Double.parseDouble(row.get(2))).as("RT in ms").isBetween(0.0, 5_000.0);
    }

    /**
     * startMonitoring starts RocketMQ's monitor and returns; the monitor's first round comes 20 s
     * later and writes to the tool's log, so it is run as {@code bin/mqadmin}, stopped by the test.
     */
    @Test
    void startMonitoringRunsItsRoundsAgainstTheCluster(@TempDir Path dir) throws Exception {
        Path log = ScriptProcess.logDirectory(dir).resolve("tools.log");
        try (ScriptProcess monitor = ScriptProcess.start(dir, "monitor", "mqadmin", "startMonitoring", "-n",
                target().nameServerAddress())) {
            await("the monitor's first round").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("endRound") || !monitor.isAlive());

            assertThat(monitor.isAlive()).as("the monitor runs on:\n" + monitor.output()).isTrue();
            assertThat(Files.readString(log)).contains("[MONITOR] =========================================beginRound",
                    "Execute one round monitor work").doesNotContain("doMonitorWork Exception");
            assertThat(admin().examineConsumerConnectionInfo("__MONITOR_CONSUMER").getConnectionSet()).hasSize(1);
        }
    }

    @Test
    void queryMsgTraceByIdShowsThePublishAndTheConsumption() throws Exception {
        createRoutedTopic(TRACED);
        DefaultMQProducer producer = new DefaultMQProducer("PG-traced", true);
        producer.setNamesrvAddr(target().nameServerAddress());
        producer.setInstanceName("traced-" + System.nanoTime());
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("CG-traced", true);
        consumer.setNamesrvAddr(target().nameServerAddress());
        consumer.setInstanceName("traced-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TRACED, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) ->
                ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        try {
            producer.start();
            consumer.start();
            String messageId = producer.send(new Message(TRACED, "traced".getBytes(StandardCharsets.UTF_8))).getMsgId();

            String[] output = new String[1];
            await("both trace rows").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                output[0] = mqadmin("queryMsgTraceById", "-i", messageId);
                return output[0].contains("Pub ") && output[0].contains("Sub ");
            });

            assertThat(output[0])
                    .containsPattern("#Type\\s+#ProducerGroup\\s+#ClientHost\\s+#SendTime\\s+#CostTimes\\s+#Status")
                    .containsPattern("Pub\\s+PG-traced\\s+\\S+\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\d+ms\\s+success")
                    .containsPattern("#Type\\s+#ConsumerGroup\\s+#ClientHost\\s+#ConsumerTime\\s+#CostTimes\\s+#Status")
                    .containsPattern("Sub\\s+CG-traced\\s+\\S+\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+\\d+ms\\s+success");
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }
}
