package dev.bolide.tck.mqadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mqadmin 4.9.8 commands served by the name server (and the broker's topic table they list or
 * export), run through {@link MqAdmin} and checked through {@code DefaultMQAdminExt}. Bolide and
 * Apache RocketMQ 4.9.7 both run these same tests.
 */
public abstract class NameServerCommandsContract extends MqAdminContract {
    private int routedPermission(String topic) throws Exception {
        return admin().examineTopicRouteInfo(topic).getQueueDatas().get(0).getPerm();
    }

    private SendStatus sendWithNewProducer(String topic) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("PG-perm-" + System.nanoTime());
        producer.setNamesrvAddr(target().nameServerAddress());
        producer.setInstanceName("perm-" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        try {
            return producer.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8))).getSendStatus();
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void deleteTopicRemovesTheTopicFromTheBrokerAndTheRoutes() throws Exception {
        createRoutedTopic("DeleteMe");

        String output = mqadmin("deleteTopic", "-c", target().clusterName(), "-t", "DeleteMe");

        assertThat(output).contains("delete topic [DeleteMe] from cluster [" + target().clusterName() + "] success.",
                "delete topic [DeleteMe] from NameServer success.");
        assertThat(admin().fetchAllTopicList().getTopicList()).doesNotContain("DeleteMe");
        assertThatThrownBy(() -> admin().examineTopicRouteInfo("DeleteMe")).isInstanceOf(MQClientException.class)
                .hasMessageContaining("No topic route info");
        assertThat(admin().getAllTopicConfig(target().brokerAddress(), 5_000).getTopicConfigTable())
                .doesNotContainKey("DeleteMe");
    }

    @Test
    void deleteTopicDeletesItsQueuesSoThatTheTopicCreatedAgainStartsEmpty() throws Exception {
        createRoutedTopic("Recreated");
        for (int i = 0; i < 3; i++) {
            assertThat(sendWithNewProducer("Recreated")).isEqualTo(SendStatus.SEND_OK);
        }

        mqadmin("deleteTopic", "-c", target().clusterName(), "-t", "Recreated");
        createRoutedTopic("Recreated");

        assertThat(admin().examineTopicStats("Recreated").getOffsetTable().values()).as("no queue holds a message")
                .hasSize(4).allSatisfy(offset -> assertThat(offset.getMaxOffset()).isZero());
        assertThat(sendWithNewProducer("Recreated")).isEqualTo(SendStatus.SEND_OK);
        assertThat(storedMessages("Recreated")).as("only the message sent after the deletion")
                .containsExactly("x");
    }

    /** The bodies of every message the topic's queues hold, read from each queue's min offset. */
    private List<String> storedMessages(String topic) throws Exception {
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer("CG-reader-" + System.nanoTime());
        reader.setNamesrvAddr(target().nameServerAddress());
        reader.setInstanceName("reader-" + System.nanoTime());
        reader.start();
        try {
            List<String> bodies = new ArrayList<>();
            for (Map.Entry<MessageQueue, TopicOffset> queue
                    : admin().examineTopicStats(topic).getOffsetTable().entrySet()) {
                if (queue.getValue().getMaxOffset() > queue.getValue().getMinOffset()) {
                    List<MessageExt> found = reader.pull(queue.getKey(), "*", queue.getValue().getMinOffset(), 32)
                            .getMsgFoundList();
                    found.forEach(message -> bodies.add(new String(message.getBody(), StandardCharsets.UTF_8)));
                }
            }
            return bodies;
        } finally {
            reader.shutdown();
        }
    }

    @Test
    void wipeWritePermStopsNewProducersUntilAddWritePerm() throws Exception {
        createRoutedTopic("Wiped");

        String wiped = mqadmin("wipeWritePerm", "-b", target().brokerName());

        assertThat(wiped).containsPattern("wipe write perm of broker\\[" + target().brokerName()
                + "\\] in name server\\[" + target().nameServerAddress() + "\\] OK, [1-9][0-9]*");
        assertThat(routedPermission("Wiped")).isEqualTo(PermName.PERM_READ);
        assertThatThrownBy(() -> sendWithNewProducer("Wiped")).hasMessageContaining("No route info of this topic");

        String added = mqadmin("addWritePerm", "-b", target().brokerName());

        assertThat(added).containsPattern("add write perm of broker\\[" + target().brokerName() + "\\] in name server\\["
                + target().nameServerAddress() + "\\] OK, [1-9][0-9]*");
        assertThat(routedPermission("Wiped")).isEqualTo(PermName.PERM_READ | PermName.PERM_WRITE);
        assertThat(sendWithNewProducer("Wiped")).isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void kvConfigIsWrittenReadAndDeleted() throws Exception {
        String updated = mqadmin("updateKvConfig", "-s", "TEST_NS", "-k", "color", "-v", "blue");

        assertThat(updated).contains("create or update kv config to namespace success.");
        assertThat(admin().getKVConfig("TEST_NS", "color")).isEqualTo("blue");
        assertThat(admin().getKVListByNamespace("TEST_NS").getTable()).containsEntry("color", "blue");

        String deleted = mqadmin("deleteKvConfig", "-s", "TEST_NS", "-k", "color");

        assertThat(deleted).contains("delete kv config from namespace success.");
        assertThatThrownBy(() -> admin().getKVConfig("TEST_NS", "color"))
                .isInstanceOfSatisfying(MQClientException.class, e -> assertThat(e.getResponseCode()).isEqualTo(22))
                .hasMessageContaining("No config item, Namespace: TEST_NS Key: color");
    }

    @Test
    void updateOrderConfPutsGetsAndDeletesTheTopicsOrderConfiguration() throws Exception {
        String conf = target().brokerName() + ":4";

        String put = mqadmin("updateOrderConf", "-t", "Ordered", "-m", "put", "-v", conf);
        String got = mqadmin("updateOrderConf", "-t", "Ordered", "-m", "get");
        String deleted = mqadmin("updateOrderConf", "-t", "Ordered", "-m", "delete");

        assertThat(put).contains("update orderConf success. topic=[Ordered], orderConf=[" + conf + "]");
        assertThat(got).contains("get orderConf success. topic=[Ordered], orderConf=[" + conf + "]");
        assertThat(deleted).contains("delete orderConf success. topic=[Ordered]");
        assertThatThrownBy(() -> admin().getKVConfig("ORDER_TOPIC_CONFIG", "Ordered"))
                .isInstanceOf(MQClientException.class);
    }

    @Test
    void nameServerConfigIsShownAndOrderMessageEnableChanged() throws Exception {
        String port = target().nameServerAddress().substring(target().nameServerAddress().indexOf(':') + 1);
        String before = mqadmin("getNamesrvConfig");

        String updated = mqadmin("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "true");

        try {
            assertThat(before).contains("============" + target().nameServerAddress() + "============")
                    .containsPattern("listenPort\\s+=  " + port).containsPattern("orderMessageEnable\\s+=  false");
            assertThat(updated).contains("update name server config success!", "orderMessageEnable : true");
            assertThat(admin().getNameServerConfig(List.of(target().nameServerAddress()))
                    .get(target().nameServerAddress()).getProperty("orderMessageEnable")).isEqualTo("true");
        } finally {
            mqadmin("updateNamesrvConfig", "-k", "orderMessageEnable", "-v", "false");
        }
    }

    @Test
    void topicListShowsTheBrokersSystemTopics() throws Exception {
        String cluster = target().clusterName();

        String output = mqadmin("topicList");

        assertThat(output.lines()).contains("TBW102", "SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT", "BenchmarkTest",
                "SCHEDULE_TOPIC_XXXX", cluster, target().brokerName(), cluster + "_REPLY_TOPIC");
    }

    /** DefaultMQAdminExt's API (no mqadmin command of 4.9.8 uses it). */
    @Test
    void fetchTopicsByClusterListsTheClustersTopics() throws Exception {
        createRoutedTopic("InCluster");

        assertThat(admin().fetchTopicsByCLuster(target().clusterName()).getTopicList())
                .contains("InCluster", target().brokerName());
        assertThat(admin().fetchTopicsByCLuster("NoSuchCluster").getTopicList()).isEmpty();
    }

    @Test
    void exportMetadataWritesTheUserTopicsWithoutTheSystemOnes(@TempDir Path dir) throws Exception {
        createRoutedTopic("Exported");

        String output = mqadmin("exportMetadata", "-c", target().clusterName(), "-f", dir.toString());

        assertThat(output).contains("export " + dir.resolve("metadata.json") + " success");
        String metadata = Files.readString(dir.resolve("metadata.json"));
        assertThat(metadata).contains("\"Exported\"", "\"subscriptionGroupTable\"").doesNotContain("\"TBW102\"",
                "\"SELF_TEST_TOPIC\"", "\"" + target().brokerName() + "\"");
        assertThat(admin().getAllTopicConfig(target().brokerAddress(), 5_000).getTopicConfigTable().get("Exported")
                .getWriteQueueNums()).isEqualTo(4);
    }

    @Test
    void exportConfigsWritesTheClustersScaleAndBrokerConfiguration(@TempDir Path dir) {
        String output = mqadmin("exportConfigs", "-c", target().clusterName(), "-f", dir.toString());

        assertThat(output).contains("export " + dir.resolve("configs.json") + " success");
        assertThat(dir.resolve("configs.json")).content().contains("\"clusterScale\"", "\"masterBrokerSize\":1",
                "\"brokerConfigs\"", "\"" + target().brokerName() + "\"", "\"flushDiskType\"", "\"messageDelayLevel\"");
    }

    @Test
    void getBrokerConfigListsTheSettingsAndUpdateBrokerConfigAcceptsAChange() {
        String shown = mqadmin("getBrokerConfig", "-b", target().brokerAddress());

        String updated = mqadmin("updateBrokerConfig", "-b", target().brokerAddress(), "-k", "fileReservedTime",
                "-v", "48");

        assertThat(shown).contains("============" + target().brokerAddress() + "============")
                .containsPattern("brokerName\\s+=  " + target().brokerName())
                .containsPattern("fileReservedTime\\s+=  72");
        // RocketMQ applies fileReservedTime at once; Bolide saves it to broker.conf for the next start (README)
        assertThat(updated).contains("update broker config success, " + target().brokerAddress());
    }

    @Test
    void deleteSubGroupRemovesTheGroupAndItsRetryTopicFromTheRoutes() throws Exception {
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName("CG-doomed");
        admin().createAndUpdateSubscriptionGroupConfig(target().brokerAddress(), group);
        createRoutedTopic("%RETRY%CG-doomed");

        String output = mqadmin("deleteSubGroup", "-c", target().clusterName(), "-g", "CG-doomed");

        assertThat(output).contains("delete subscription group [CG-doomed] from broker [" + target().brokerAddress()
                + "] in cluster [" + target().clusterName() + "] success.",
                "delete topic [%RETRY%CG-doomed] from NameServer success.");
        assertThat(admin().fetchAllTopicList().getTopicList()).doesNotContain("%RETRY%CG-doomed");
        assertThat(admin().getAllSubscriptionGroup(target().brokerAddress(), 5_000).getSubscriptionGroupTable())
                .doesNotContainKey("CG-doomed");
    }

    @Test
    void updateTopicWithOrderSetsTheTopicsOrderConfiguration() throws Exception {
        String conf = target().brokerName() + ":2";

        String output = mqadmin("updateTopic", "-b", target().brokerAddress(), "-t", "OrderedMade", "-r", "2", "-w", "2",
                "-o", "true");

        assertThat(output).contains("set broker orderConf. isOrder=true, orderConf=[" + conf + "]",
                "create topic to " + target().brokerAddress() + " success.");
        assertThat(admin().getKVConfig("ORDER_TOPIC_CONFIG", "OrderedMade")).isEqualTo(conf);
    }

    @Test
    void updateTopicPermChangesTheRoutedPermission() throws Exception {
        createRoutedTopic("ReadOnly");

        String output = mqadmin("updateTopicPerm", "-t", "ReadOnly", "-b", target().brokerAddress(), "-p", "4");

        assertThat(output).contains("update topic perm from 6 to 4 in " + target().brokerAddress() + " success.");
        await("route of ReadOnly read-only").atMost(Duration.ofSeconds(30))
                .until(() -> routedPermission("ReadOnly") == PermName.PERM_READ);
    }
}
