package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two broker groups, broker-a read only ({@code brokerPermission = 4}, as before taking it out of
 * service) and broker-b: the route the name server gives carries broker-a's permission, so the
 * unchanged 4.9.8 producer sends to broker-b only, while consumers still read broker-a's queues.
 */
class BrokerPermissionRoutesTest {
    private static final String TOPIC = "Routed";

    @TempDir
    Path dir;

    @Test
    void aReadOnlyBrokersQueuesAreRoutedReadOnlySoProducersSendElsewhere() throws Exception {
        try (BrokerProcess readOnly = BrokerProcess.start(Files.createDirectories(dir.resolve("a")),
                "brokerPermission = 4");
                BrokerProcess writable = BrokerProcess.start(Files.createDirectories(dir.resolve("b")),
                        "brokerName = broker-b", "namesrvListenPort = -1",
                        "namesrvAddr = " + readOnly.nameServerAddress())) {
            DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
            admin.setNamesrvAddr(readOnly.nameServerAddress());
            admin.setInstanceName("admin-" + System.nanoTime());
            admin.start();
            try {
                for (BrokerProcess broker : new BrokerProcess[] {readOnly, writable}) {
                    admin.createAndUpdateTopicConfig("127.0.0.1:" + broker.brokerPort(), new TopicConfig(TOPIC, 4, 4, 6));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> admin.examineTopicRouteInfo(TOPIC)
                        .getQueueDatas().size() == 2);
                assertThat(admin.examineTopicRouteInfo(TOPIC).getQueueDatas())
                        .extracting(QueueData::getBrokerName, QueueData::getPerm)
                        .containsExactlyInAnyOrder(tuple("broker-a", PermName.PERM_READ),
                                tuple("broker-b", PermName.PERM_READ | PermName.PERM_WRITE));
            } finally {
                admin.shutdown();
            }

            Set<String> sentTo = new HashSet<>();
            DefaultMQProducer producer = readOnly.startProducer();
            try {
                for (int i = 0; i < 20; i++) {
                    SendResult sent = producer.send(new Message(TOPIC, ("m" + i).getBytes(StandardCharsets.UTF_8)));
                    assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                    sentTo.add(sent.getMessageQueue().getBrokerName());
                }
            } finally {
                producer.shutdown();
            }
            assertThat(sentTo).containsExactly("broker-b");

            DefaultMQPullConsumer reader = new DefaultMQPullConsumer("CG-routes");
            reader.setNamesrvAddr(readOnly.nameServerAddress());
            reader.setInstanceName("reader-" + System.nanoTime());
            reader.start();
            try {
                assertThat(reader.fetchSubscribeMessageQueues(TOPIC)).extracting(MessageQueue::getBrokerName)
                        .contains("broker-a", "broker-b");
            } finally {
                reader.shutdown();
            }
        }
    }
}
