package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.MQClientManager;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Bolide master and its Bolide slave (brokerName broker-a, ids 0 and 1), each in its own process,
 * seen through the unchanged rocketmq-client 4.9.8. The slave's store holds messages because it
 * was a master first (this is not replication, which the HA stream brings): {@value #SENT} messages
 * sent to it, then it is started again as the slave, the name server with it, and the master (empty)
 * registers there; both with {@code slaveReadEnable}. When the master is shut down, a push consumer
 * and a lite pull consumer keep consuming from the slave and commit their offsets there. (What the
 * slave answers a send: {@code SlaveAnswersTest}.)
 */
class ConsumingFromASlaveTest {
    private static final String TOPIC = "FromSlave";
    private static final int SENT = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private BrokerProcess slave;
    private BrokerProcess master;
    private DefaultMQAdminExt admin;
    private DefaultMQPushConsumer consumer;

    @BeforeEach
    void startMasterAndSlave() throws Exception {
        int masterPort;
        try (BrokerProcess first = BrokerProcess.start(directory("as-master"))) {
            fill(first);
            masterPort = first.brokerPort();
        }
        slave = BrokerProcess.startOnStore(directory("slave"), dir.resolve("as-master/store"), masterPort,
                "mapedFileSizeCommitLog = 67108864", "brokerId = 1", "brokerRole = SLAVE",
                "registerNameServerPeriod = 10000", "slaveReadEnable = true");
        master = BrokerProcess.start(directory("master"), "namesrvListenPort = -1", "slaveReadEnable = true",
                "namesrvAddr = " + slave.nameServerAddress());
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(slave.nameServerAddress());
        admin.setInstanceName("admin-" + System.nanoTime());
        admin.start();
        // the topic as the slave has it, so that the master routes it (name servers route masters' topics)
        admin.createAndUpdateTopicConfig(masterAddress(), new TopicConfig(TOPIC, 4, 4, 6));
    }

    private static void fill(BrokerProcess broker) throws Exception {
        DefaultMQProducer filling = broker.startProducer();
        try {
            for (String body : bodies()) {
                filling.send(new Message(TOPIC, "T", body.getBytes(StandardCharsets.UTF_8)));
            }
        } finally {
            filling.shutdown();
        }
    }

    @AfterEach
    void shutdown() throws Exception {
        if (consumer != null) {
            consumer.shutdown();
        }
        if (admin != null) {
            admin.shutdown();
        }
        if (master != null) {
            master.close();
        }
        if (slave != null) {
            slave.close();
        }
    }

    private Path directory(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static List<String> bodies() {
        return IntStream.range(0, SENT).mapToObj(i -> "m" + i).toList();
    }

    private String masterAddress() {
        return "127.0.0.1:" + master.brokerPort();
    }

    private String slaveAddress() {
        return "127.0.0.1:" + slave.brokerPort();
    }

    @Test
    void theRouteListsMasterAndSlaveUnderOneBrokerName() throws Exception {
        // no route at all until the master's registration of the topic reaches the name server
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(MQClientException.class).untilAsserted(() -> {
            TopicRouteData route = admin.examineTopicRouteInfo(TOPIC);
            assertThat(route.getBrokerDatas()).singleElement().satisfies(broker -> {
                assertThat(broker.getBrokerName()).isEqualTo("broker-a");
                assertThat(broker.getBrokerAddrs()).containsExactlyInAnyOrderEntriesOf(Map.of(0L, masterAddress(),
                        1L, slaveAddress()));
            });
        });
    }

    @Test
    void withTheMasterShutDownAConsumerGroupConsumesFromTheSlaveAndCommitsThere() throws Exception {
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        consumer = slave.startConsumer("CG-slave", TOPIC, received);

        master.close();
        master = null;

        // the master's store is empty: every message comes from the slave
        await().atMost(PATIENCE).until(() -> received.keySet().containsAll(bodies()));
        MQClientAPIImpl api = consumer.getDefaultMQPushConsumerImpl().getmQClientFactory().getMQClientAPIImpl();
        await().atMost(PATIENCE).until(() -> committedOnTheSlave(api, "CG-slave") == SENT);
    }

    @Test
    void withTheMasterShutDownALitePullConsumerPollsFromTheSlaveAndCommitsThere() throws Exception {
        DefaultLitePullConsumer lite = new DefaultLitePullConsumer("CG-lite");
        lite.setNamesrvAddr(slave.nameServerAddress());
        lite.setInstanceName("CG-lite-" + System.nanoTime());
        lite.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        lite.setPollNameServerInterval(1_000);
        lite.subscribe(TOPIC, "*");
        lite.start();
        try {
            master.close();
            master = null;

            Set<String> received = ConcurrentHashMap.newKeySet();
            await().atMost(PATIENCE).until(() -> {
                lite.poll(1_000).forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return received.containsAll(bodies());
            });
            lite.commitSync();
            // the client instance the consumer runs on: its requests reach the slave as the consumer's do
            MQClientAPIImpl api = MQClientManager.getInstance().getOrCreateMQClientInstance(lite).getMQClientAPIImpl();
            await().atMost(PATIENCE).until(() -> committedOnTheSlave(api, "CG-lite") == SENT);
        } finally {
            lite.shutdown();
        }
    }

    /** What the slave holds as {@code group}'s committed offsets, summed over the topic's queues. */
    private long committedOnTheSlave(MQClientAPIImpl api, String group) throws Exception {
        long sum = 0;
        for (int queueId = 0; queueId < 4; queueId++) {
            QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
            header.setConsumerGroup(group);
            header.setTopic(TOPIC);
            header.setQueueId(queueId);
            try {
                sum += api.queryConsumerOffset(slaveAddress(), header, 5_000);
            } catch (MQBrokerException e) {
                // QUERY_NOT_FOUND: nothing committed for this queue yet
            }
        }
        return sum;
    }
}
