package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.ConsumerConnection;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code mqadmin} shows, through {@code DefaultMQAdminExt} 4.9.8, after a producer sent
 * {@value #SENT} messages to topic {@code Admin} and a consumer group consumed them all.
 */
class AdminToolsTest {
    private static final int SENT = 40;
    private static final String TOPIC = "Admin";
    private static final String GROUP = "CG-admin";

    private static Path dir;
    private static BrokerProcess broker;
    private static DefaultMQProducer producer;
    private static DefaultMQPushConsumer consumer;
    private static DefaultMQAdminExt admin;
    private static String brokerAddress;

    @BeforeAll
    static void produceAndConsume() throws Exception {
        dir = Files.createTempDirectory("bolide-admin");
        broker = BrokerProcess.start(dir);
        producer = broker.startProducer();
        for (int i = 0; i < SENT; i++) {
            producer.send(new Message(TOPIC, "TagA", ("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
        Set<String> received = ConcurrentHashMap.newKeySet();
        consumer = new DefaultMQPushConsumer(GROUP);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName(GROUP + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "TagA || TagB");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == SENT);
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(broker.nameServerAddress());
        admin.setInstanceName("admin-" + System.nanoTime());
        admin.start();
        brokerAddress = admin.examineBrokerClusterInfo().getBrokerAddrTable().get("broker-a").selectBrokerAddr();
    }

    @AfterAll
    static void shutdown() throws Exception {
        if (admin != null) {
            admin.shutdown();
        }
        if (consumer != null) {
            consumer.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void consumerProgressShowsNoLagOnceEverythingIsConsumed() throws Exception {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> admin.examineConsumeStats(GROUP).computeTotalDiff() == 0);
        ConsumeStats stats = admin.examineConsumeStats(GROUP);
        long brokerTotal = stats.getOffsetTable().entrySet().stream()
                .filter(entry -> entry.getKey().getTopic().equals(TOPIC))
                .mapToLong(entry -> entry.getValue().getBrokerOffset()).sum();
        assertThat(brokerTotal).isEqualTo(SENT);
    }

    @Test
    void topicStatusListsEveryQueueWithItsOffsets() throws Exception {
        var offsets = admin.examineTopicStats(TOPIC).getOffsetTable();

        assertThat(offsets).hasSize(producer.fetchPublishMessageQueues(TOPIC).size());
        assertThat(offsets.values().stream().mapToLong(TopicOffset::getMaxOffset).sum()).isEqualTo(SENT);
        assertThat(offsets.values()).filteredOn(offset -> offset.getMaxOffset() > 0)
                .allSatisfy(offset -> assertThat(offset.getLastUpdateTimestamp()).isPositive());
    }

    @Test
    void brokerStatusCountsTheStoredMessages() throws Exception {
        var table = admin.fetchBrokerRuntimeStats(brokerAddress).getTable();

        assertThat(Long.parseLong(table.get("msgPutTotalTodayNow"))).isGreaterThanOrEqualTo(SENT);
        assertThat(Long.parseLong(table.get("msgGetTotalTodayNow"))).isGreaterThanOrEqualTo(SENT);
        assertThat(table.get("brokerVersionDesc")).isEqualTo("V4_9_8");
        assertThat(table.get("putTps").split(" ")).hasSize(3);
        assertThat(Pattern.compile(":(\\d+)").matcher(table.get("putMessageDistributeTime")).results()
                .mapToLong(count -> Long.parseLong(count.group(1))).sum()).as("the sends, timed")
                .isGreaterThanOrEqualTo(SENT);
        assertThat(Double.parseDouble(table.get("putLatency999"))).isPositive();
    }

    @Test
    void clusterListShowsTheBrokerInItsCluster() throws Exception {
        ClusterInfo cluster = admin.examineBrokerClusterInfo();

        assertThat(cluster.getClusterAddrTable().get("DefaultCluster")).containsExactly("broker-a");
        assertThat(brokerAddress).endsWith(":" + broker.brokerPort());
    }

    @Test
    void consumerConnectionShowsTheLiveConsumerAndItsSubscription() throws Exception {
        ConsumerConnection connection = admin.examineConsumerConnectionInfo(GROUP);

        assertThat(connection.getConnectionSet()).hasSize(1);
        assertThat(connection.getMessageModel()).isEqualTo(MessageModel.CLUSTERING);
        assertThat(connection.getSubscriptionTable().get(TOPIC).getTagsSet()).containsExactlyInAnyOrder("TagA", "TagB");
    }

    @Test
    void consumerConnectionOfAGroupWhoseConsumersLeftSaysItIsNotOnline() throws Exception {
        DefaultMQPushConsumer leaving = new DefaultMQPushConsumer("CG-gone");
        leaving.setNamesrvAddr(broker.nameServerAddress());
        leaving.setInstanceName("CG-gone-" + System.nanoTime());
        leaving.subscribe(TOPIC, "*");
        leaving.registerMessageListener((MessageListenerConcurrently) (messages, context) ->
                ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        leaving.start();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> admin.examineConsumerConnectionInfo("CG-gone").getConnectionSet().size() == 1);
        leaving.shutdown();

        assertThatThrownBy(() -> admin.examineConsumerConnectionInfo("CG-gone")).hasMessageContaining("not online");
    }

    @Test
    void producerConnectionShowsTheProducer() throws Exception {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> !admin.examineProducerConnectionInfo("PG", TOPIC).getConnectionSet().isEmpty());
        assertThat(admin.examineProducerConnectionInfo("PG", TOPIC).getConnectionSet())
                .anySatisfy(connection -> assertThat(connection.getClientId()).isEqualTo(producer.buildMQClientId()));
    }

    @Test
    void topicConsumersNameTheGroup() throws Exception {
        assertThat(admin.queryTopicConsumeByWho(TOPIC).getGroupList()).contains(GROUP);
    }

    @Test
    void topicListHasTheTopic() throws Exception {
        assertThat(admin.fetchAllTopicList().getTopicList()).contains(TOPIC, "%RETRY%" + GROUP);
    }

    @Test
    void brokerConfigShowsTheEffectiveSettings() throws Exception {
        var config = admin.getBrokerConfig(brokerAddress);

        assertThat(config.getProperty("brokerName")).isEqualTo("broker-a");
        assertThat(config.getProperty("flushDiskType")).isEqualTo("ASYNC_FLUSH");
    }

    @Test
    void anUpdatedBrokerConfigIsSavedToBrokerConf() throws Exception {
        Properties changes = new Properties();
        changes.setProperty("fileReservedTime", "24");

        admin.updateBrokerConfig(brokerAddress, changes);

        assertThat(Files.readString(dir.resolve("broker.conf"))).contains("fileReservedTime = 24");
    }

    @Test
    void anUnknownBrokerConfigKeyIsRefused() {
        Properties changes = new Properties();
        changes.setProperty("noSuchKey", "1");

        assertThatThrownBy(() -> admin.updateBrokerConfig(brokerAddress, changes)).hasMessageContaining("noSuchKey");
    }

    @Test
    void aSubscriptionGroupCreatedByTheAdminIsReadBack() throws Exception {
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName("CG-configured");
        config.setRetryMaxTimes(3);
        admin.createAndUpdateSubscriptionGroupConfig(brokerAddress, config);

        assertThat(admin.examineSubscriptionGroupConfig(brokerAddress, "CG-configured").getRetryMaxTimes()).isEqualTo(3);
    }
}
