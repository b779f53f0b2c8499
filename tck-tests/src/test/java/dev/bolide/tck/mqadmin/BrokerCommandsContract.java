package dev.bolide.tck.mqadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mqadmin 4.9.8 commands served by the broker, for consumer groups and their queues: before
 * the tests {@value #SENT} messages are sent to topic {@value #TOPIC}, the live group
 * {@value #LIVE} consumes them and stays, the group {@value #GONE} consumes them and leaves.
 */
public abstract class BrokerCommandsContract extends MqAdminContract {
    static final String TOPIC = "Replay";
    static final String LIVE = "CG-live";
    static final String GONE = "CG-gone";
    static final int SENT = 8;

    private final Map<String, AtomicInteger> liveReceipts = new ConcurrentHashMap<>();
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer live;
    private long beforeSending;
    private String firstMessageId;

    @BeforeAll
    void sendAndConsume() throws Exception {
        createRoutedTopic(TOPIC);
        producer = new DefaultMQProducer("PG-replay");
        producer.setNamesrvAddr(target().nameServerAddress());
        producer.setInstanceName("replay-" + System.nanoTime());
        producer.start();
        beforeSending = System.currentTimeMillis() - 1_000;
        for (int i = 0; i < SENT; i++) {
            String id = producer.send(new Message(TOPIC, ("m" + i).getBytes(StandardCharsets.UTF_8))).getMsgId();
            firstMessageId = firstMessageId == null ? id : firstMessageId;
        }
        Map<String, AtomicInteger> goneReceipts = new ConcurrentHashMap<>();
        DefaultMQPushConsumer gone = consumer(GONE, goneReceipts);
        live = consumer(LIVE, liveReceipts);
        await("both groups consumed everything").atMost(Duration.ofSeconds(60))
                .until(() -> goneReceipts.size() == SENT && liveReceipts.size() == SENT);
        await("committed offsets").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> lag(GONE) == 0 && lag(LIVE) == 0);
        gone.shutdown();
    }

    @AfterAll
    void stopClients() {
        if (live != null) {
            live.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
    }

    private DefaultMQPushConsumer consumer(String group, Map<String, AtomicInteger> receipts) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(target().nameServerAddress());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> receipts.computeIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8),
                    body -> new AtomicInteger()).incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    private long lag(String group) throws Exception {
        ConsumeStats stats = admin().examineConsumeStats(group, TOPIC);
        return stats.computeTotalDiff();
    }

    private Map<Integer, Long> consumerOffsets(String group) throws Exception {
        Map<Integer, Long> offsets = new TreeMap<>();
        admin().examineConsumeStats(group, TOPIC).getOffsetTable()
                .forEach((queue, offset) -> offsets.put(queue.getQueueId(), offset.getConsumerOffset()));
        return offsets;
    }

    private String liveClientId() throws Exception {
        return admin().examineConsumerConnectionInfo(LIVE).getConnectionSet().iterator().next().getClientId();
    }

    @Test
    void resetOffsetByTimeMakesTheLiveConsumerConsumeEverythingAgain() {
        String output = mqadmin("resetOffsetByTime", "-g", LIVE, "-t", TOPIC, "-s", Long.toString(beforeSending));

        assertThat(output).contains("rollback consumer offset by specified group[" + LIVE + "], topic[" + TOPIC + "]",
                "#brokerName", "#queueId", "#offset");
        await("every message consumed again").atMost(Duration.ofSeconds(90))
                .until(() -> liveReceipts.values().stream().allMatch(count -> count.get() >= 2));
    }

    @Test
    void withoutALiveConsumerResetAndSkipRewriteTheStoredOffsets() throws Exception {
        String reset = mqadmin("resetOffsetByTime", "-g", GONE, "-t", TOPIC, "-s", Long.toString(beforeSending));

        assertThat(reset).contains("rollback consumer offset by specified consumerGroup[" + GONE + "]",
                "#rollbackOffset");
        assertThat(lag(GONE)).isEqualTo(SENT);

        String skipped = mqadmin("skipAccumulatedMessage", "-g", GONE, "-t", TOPIC);

        assertThat(skipped).contains("#rollbackOffset");
        assertThat(lag(GONE)).isZero();
    }

    @Test
    void consumerStatusShowsTheLiveConsumersRunningInfo() throws Exception {
        String clientId = liveClientId();

        String output = mqadmin("consumerStatus", "-g", LIVE, "-i", clientId);

        assertThat(output).contains("#Consumer Subscription#", "#Consumer Offset#", TOPIC);
        assertThat(admin().getConsumerRunningInfo(LIVE, clientId, false).getSubscriptionSet())
                .anySatisfy(subscription -> assertThat(subscription.getTopic()).isEqualTo(TOPIC));
    }

    @Test
    void queryMsgByUniqueKeyWithAClientHasItConsumeTheMessageDirectly() throws Exception {
        String output = mqadmin("queryMsgByUniqueKey", "-i", firstMessageId, "-t", TOPIC, "-g", LIVE, "-d",
                liveClientId());

        assertThat(output).contains("ConsumeMessageDirectlyResult [order=false, autoCommit=true, "
                + "consumeResult=CR_SUCCESS");
    }

    @Test
    void brokerConsumeStatsListsTheGroupsQueues() throws Exception {
        String output = mqadmin("brokerConsumeStats", "-b", target().brokerAddress());

        assertThat(output).contains("#Topic", "#Consumer Offset", "#Diff");
        assertThat(output.lines()).anySatisfy(line -> assertThat(line).contains(TOPIC, LIVE));
        assertThat(admin().fetchConsumeStatsInBroker(target().brokerAddress(), false, 5_000).getConsumeStatsList())
                .anySatisfy(byGroup -> assertThat(byGroup).containsKey(LIVE));
    }

    @Test
    void queryCqShowsTheQueueUnits() throws Exception {
        String output = mqadmin("queryCq", "-t", TOPIC, "-q", "0", "-i", "0", "-c", "2", "-g", LIVE);

        assertThat(output).contains("Subscription data:", "Queue data: \nmax: 2, min: 0", "idx: 0", "idx: 1",
                "physicSize=");
        assertThat(admin().queryConsumeQueue(target().brokerAddress(), TOPIC, 0, 0, 2, LIVE).getQueueData())
                .hasSize(2).allSatisfy(unit -> assertThat(unit.getPhysicSize()).isPositive());
    }

    @Test
    void cleanExpiredCqAndDeleteExpiredCommitLogKeepWhatHasNotExpired() throws Exception {
        String consumeQueues = mqadmin("cleanExpiredCQ", "-b", target().brokerAddress());
        String commitLog = mqadmin("deleteExpiredCommitLog", "-b", target().brokerAddress());

        assertThat(consumeQueues).startsWith("success");
        assertThat(commitLog).startsWith("success");
        assertThat(admin().queryConsumeQueue(target().brokerAddress(), TOPIC, 0, 0, 2, null).getQueueData())
                .hasSize(2);
        assertThat(admin().examineTopicStats(TOPIC).getOffsetTable().values().stream()
                .mapToLong(offset -> offset.getMaxOffset() - offset.getMinOffset()).sum()).isEqualTo(SENT);
    }

    @Test
    void producerListsTheLiveProducerInstance() throws Exception {
        String output = mqadmin("producer", "-b", target().brokerAddress());

        assertThat(output).contains("producer group (PG-replay) instance : clientId=" + producer.buildMQClientId(),
                "language=JAVA");
    }

    @Test
    void cloneGroupOffsetGivesAnotherGroupTheSameOffsets() throws Exception {
        createRoutedTopic("%RETRY%CG-clone");

        String output = mqadmin("cloneGroupOffset", "-s", GONE, "-d", "CG-clone", "-t", TOPIC);

        assertThat(output).contains("clone group offset success. srcGroup[" + GONE + "], destGroup=[CG-clone], topic["
                + TOPIC + "]");
        assertThat(consumerOffsets("CG-clone")).isEqualTo(consumerOffsets(GONE)).isNotEmpty();
    }

    /** Not an mqadmin 4.9.8 command (its class is not registered), but DefaultMQAdminExt's API. */
    @Test
    void getConsumeStatusGathersTheLiveConsumersOffsets() throws Exception {
        Map<String, Map<MessageQueue, Long>> status = admin().getConsumeStatus(TOPIC, LIVE, "");

        assertThat(status).containsOnlyKeys(liveClientId());
        assertThat(status.get(liveClientId())).hasSize(4)
                .allSatisfy((queue, offset) -> assertThat(queue.getTopic()).isEqualTo(TOPIC));
    }

    @Test
    void consumerProgressWithClientsShowsWhoConsumesEachQueue() throws Exception {
        String clientIp = liveClientId().split("@")[0];

        String output = mqadmin("consumerProgress", "-g", LIVE, "-s", "true");

        assertThat(output.lines().filter(line -> line.startsWith(TOPIC)))
                .hasSize(4).allSatisfy(line -> assertThat(line).contains(clientIp).doesNotContain("N/A"));
    }

    @Test
    void exportMetricsWritesTheBrokersReport(@TempDir Path dir) throws Exception {
        String output = mqadmin("exportMetrics", "-c", target().clusterName(), "-f", dir.toString());

        assertThat(output).contains("export " + dir.resolve("metrics.json") + " success");
        assertThat(Files.readString(dir.resolve("metrics.json")))
                .contains("\"evaluateReport\"", "\"" + target().brokerName() + "\"", "\"normalOneDayInNum\"");
    }

    @Test
    void statsAllCountsTheTopicsMessagesInAndOutPerGroup() {
        String output = mqadmin("statsAll", "-t", TOPIC);

        assertThat(output).contains("#Topic", "#Consumer Group", "#Accumulation", "#InMsg24Hour", "#OutMsg24Hour");
        assertThat(output.lines()).anySatisfy(line -> assertThat(line).startsWith(TOPIC).contains(LIVE));
        assertThat(output.lines().filter(line -> line.startsWith(TOPIC) && line.contains(GONE))).singleElement()
                .satisfies(line -> assertThat(line.trim().split("\\s+")).endsWith(Integer.toString(SENT),
                        Integer.toString(SENT)));
    }

    @Test
    void clusterListFillsEveryCellOfTheBrokersRow() {
        String output = mqadmin("clusterList");

        assertThat(output.lines().filter(line -> line.contains(target().brokerAddress()))).singleElement()
                .satisfies(row -> assertThat(row).doesNotContain("null")
                        .containsPattern("\\d+\\.\\d{2}\\(\\d+,\\d+ms\\)\\s+\\d+\\.\\d{2}\\(\\d+,\\d+ms\\)\\s+\\d+\\s"));
    }

    @Test
    void brokerStatusShowsTheStoreAndQueueFigures() {
        String output = mqadmin("brokerStatus", "-b", target().brokerAddress());

        assertThat(output).containsPattern("runtime\\s+: \\[ 0 days, 0 hours, \\d+ minutes, \\d+ seconds \\]")
                .containsPattern("putMessageSizeTotal\\s+: [1-9]\\d*")
                .contains("putMessageAverageSize", "putMessageTimesTotal", "remainHowManyDataToFlush",
                        "remainTransientStoreBufferNumbs", "consumeQueueDiskRatio", "sendThreadPoolQueueHeadWaitTimeMills",
                        "pullThreadPoolQueueHeadWaitTimeMills", "pageCacheLockTimeMills");
    }
}
