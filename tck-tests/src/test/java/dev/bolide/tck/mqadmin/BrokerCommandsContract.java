package dev.bolide.tck.mqadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mqadmin 4.9.8 commands served by the broker, for consumer groups and their queues: before
 * the tests {@value #SENT} messages (keys k0 to k7) are sent to topic {@value #TOPIC}, the live
 * group {@value #LIVE} consumes them and stays, the group {@value #GONE} consumes them and leaves.
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
    private String firstOffsetMessageId;

    @BeforeAll
    void sendAndConsume() throws Exception {
        createRoutedTopic(TOPIC);
        producer = new DefaultMQProducer("PG-replay");
        producer.setNamesrvAddr(target().nameServerAddress());
        producer.setInstanceName("replay-" + System.nanoTime());
        producer.start();
        beforeSending = System.currentTimeMillis() - 1_000;
        for (int i = 0; i < SENT; i++) {
            SendResult sent = producer.send(new Message(TOPIC, "", "k" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)));
            firstMessageId = firstMessageId == null ? sent.getMsgId() : firstMessageId;
            firstOffsetMessageId = firstOffsetMessageId == null ? sent.getOffsetMsgId() : firstOffsetMessageId;
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
    void cleanUnusedTopicDeletesTheQueuesOfATopicTheBrokerNoLongerHas() throws Exception {
        createRoutedTopic("Unused");
        for (int i = 0; i < 3; i++) {
            producer.send(new Message("Unused", ("u" + i).getBytes(StandardCharsets.UTF_8)));
        }
        admin().deleteTopicInBroker(Set.of(target().brokerAddress()), "Unused");

        String output = mqadmin("cleanUnusedTopic", "-b", target().brokerAddress());

        assertThat(output).startsWith("success");
        createRoutedTopic("Unused");
        assertThat(admin().examineTopicStats("Unused").getOffsetTable().values()).as("the queues start empty again")
                .isNotEmpty().allSatisfy(offset -> assertThat(offset.getMaxOffset()).isZero());
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
                        "pullThreadPoolQueueHeadWaitTimeMills", "pageCacheLockTimeMills", "getTotalTps", "getFoundTps",
                        "getMissTps");
    }

    /** Every key RocketMQ 4.9.7 lists in brokerStatus without a transient store pool (and with no delay level used). */
    private static final List<String> ROCKETMQ_RUNTIME_KEYS = List.of("bootTimestamp", "runtime",
            "putMessageEntireTimeMax", "putMessageTimesTotal", "putMessageFailedTimes", "putMessageSizeTotal",
            "putMessageDistributeTime", "putMessageAverageSize", "dispatchMaxBuffer", "getMessageEntireTimeMax",
            "putTps", "getFoundTps", "getMissTps", "getTotalTps", "getTransferedTps", "putLatency99", "putLatency999",
            "commitLogDiskRatio", "consumeQueueDiskRatio", "commitLogMinOffset", "commitLogMaxOffset",
            "brokerVersionDesc", "brokerVersion", "msgPutTotalYesterdayMorning", "msgPutTotalTodayMorning",
            "msgPutTotalTodayNow", "msgGetTotalYesterdayMorning", "msgGetTotalTodayMorning", "msgGetTotalTodayNow",
            "sendThreadPoolQueueSize", "sendThreadPoolQueueCapacity", "pullThreadPoolQueueSize",
            "pullThreadPoolQueueCapacity", "queryThreadPoolQueueSize", "queryThreadPoolQueueCapacity",
            "EndTransactionQueueSize", "EndTransactionThreadPoolQueueCapacity", "dispatchBehindBytes",
            "pageCacheLockTimeMills", "sendThreadPoolQueueHeadWaitTimeMills", "pullThreadPoolQueueHeadWaitTimeMills",
            "queryThreadPoolQueueHeadWaitTimeMills", "earliestMessageTimeStamp", "startAcceptSendRequestTimeStamp",
            "remainTransientStoreBufferNumbs", "remainHowManyDataToFlush", "commitLogDirCapacity");

    @Test
    void brokerStatusListsEveryKeyOfRocketMq() {
        String output = mqadmin("brokerStatus", "-b", target().brokerAddress());

        Map<String, String> shown = new TreeMap<>();
        output.lines().filter(line -> line.contains(": ")).forEach(line -> shown.put(
                line.substring(0, line.indexOf(": ")).trim(), line.substring(line.indexOf(": ") + 2).trim()));
        assertThat(shown).containsKeys(ROCKETMQ_RUNTIME_KEYS.toArray(String[]::new))
                // RocketMQ shows the last whole minute's, "null" during its first minute
                .hasEntrySatisfying("putMessageDistributeTime", distribution -> assertThat(distribution)
                        .matches("null|(\\[[^\\]]+\\]:\\d+ ){12}\\[10s~\\]:\\d+"))
                .hasEntrySatisfying("putLatency99", latency -> assertThat(latency).matches("\\d+\\.\\d{2}"))
                .hasEntrySatisfying("queryThreadPoolQueueCapacity", capacity -> assertThat(capacity).matches("[1-9]\\d*"));
        assertThat(shown.keySet()).anyMatch(key -> key.startsWith("commitLogDiskRatio_/"));
    }

    /** The other commands that read topics, messages and connections: each with what its output must show. */
    Stream<Arguments> readingCommands() {
        String broker = target().brokerName();
        return Stream.of(
                Arguments.of(List.of("topicRoute", "-t", TOPIC), List.of("\"queueDatas\"", "\"brokerDatas\"")),
                Arguments.of(List.of("topicStatus", "-t", TOPIC), List.of("#Broker Name", "#Min Offset", "#Max Offset")),
                Arguments.of(List.of("topicClusterList", "-t", TOPIC), List.of(target().clusterName())),
                Arguments.of(List.of("getConsumerConfig", "-g", LIVE), List.of("groupName", LIVE)),
                Arguments.of(List.of("queryMsgById", "-i", firstOffsetMessageId), List.of("Topic:", TOPIC, "k0")),
                Arguments.of(List.of("queryMsgByKey", "-t", TOPIC, "-k", "k0"), List.of("#Message ID", firstMessageId)),
                Arguments.of(List.of("queryMsgByOffset", "-t", TOPIC, "-b", broker, "-i", "0", "-o", "0"),
                        List.of("Topic:", TOPIC)),
                Arguments.of(List.of("printMsg", "-t", TOPIC), List.of("minOffset=0, maxOffset=2", "KEYS=k0", "BODY: m0")),
                Arguments.of(List.of("printMsgByQueue", "-t", TOPIC, "-a", broker, "-i", "0", "-p", "true", "-d",
                        "true"), List.of("MSGID: ", "BODY: m")),
                Arguments.of(List.of("consumeMessage", "-t", TOPIC, "-b", broker, "-i", "0", "-o", "0", "-c", "1"),
                        List.of("Consume ok")),
                Arguments.of(List.of("consumerConnection", "-g", LIVE), List.of("#ClientId", "Below is subscription")),
                Arguments.of(List.of("producerConnection", "-g", "PG-replay", "-t", TOPIC),
                        List.of(producer.buildMQClientId(), "JAVA")),
                Arguments.of(List.of("allocateMQ", "-t", TOPIC, "-i", "10.0.0.1,10.0.0.2"), List.of("\"result\"")),
                Arguments.of(List.of("sendMsgStatus", "-b", broker, "-s", "16", "-c", "1"), List.of("rt=", "SEND_OK")),
                Arguments.of(List.of("checkMsgSendRT", "-t", "RtCheck", "-a", "2", "-s", "64"), List.of("Avg RT:")),
                Arguments.of(List.of("sendMessage", "-t", "Sent", "-p", "hello"), List.of("#Send Result", "SEND_OK")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readingCommands")
    void theOtherCommandsShowWhatTheyShowOnRocketMq(List<String> command, List<String> shown) {
        String output = mqadmin(command.get(0), command.subList(1, command.size()).toArray(String[]::new));

        assertThat(output).contains(shown).doesNotContain("not supported", "Exception");
    }

    @Test
    void updateSubGroupCreatesTheGroupWithItsSettings() throws Exception {
        String output = mqadmin("updateSubGroup", "-b", target().brokerAddress(), "-g", "CG-made", "-r", "5");

        assertThat(output).contains("create subscription group to " + target().brokerAddress() + " success.");
        assertThat(admin().examineSubscriptionGroupConfig(target().brokerAddress(), "CG-made").getRetryMaxTimes())
                .isEqualTo(5);
    }
}
