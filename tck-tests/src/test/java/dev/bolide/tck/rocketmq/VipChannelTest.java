package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 4.9.8 client with its VIP channel on: it sends to, and consumers commit offsets on,
 * {@code listenPort - 2} (RocketMQ's {@code fastListenPort}), which the broker must serve.
 */
class VipChannelTest {
    @TempDir
    static Path dir;
    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = BrokerProcess.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void aProducerAndAConsumerOnTheVipChannelCarryAMessage() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("VipProducers");
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("vip-producer-" + System.nanoTime());
        producer.setSendMessageWithVIPChannel(true);
        producer.start();
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = null;
        try {
            SendResult sent = producer.send(new Message("VipTopic", "through the VIP channel"
                    .getBytes(StandardCharsets.UTF_8)));
            // started after the send that creates the topic, so that its first rebalance finds the queues;
            // its offset queries and commits and its group's member list go through the VIP channel
            consumer = broker.startConsumer("VipConsumers", "VipTopic", received,
                    settings -> settings.setVipChannelEnabled(true));

            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.containsKey("through the VIP channel"));
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            producer.shutdown();
        }
    }
}
