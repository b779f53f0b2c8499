package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unchanged RocketMQ 4.9.8 client against a Bolide broker process. */
class SendAndConsumeTest {
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
    void aSyncSendIsConsumedByAPushConsumer() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("PG");
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("producer-" + System.nanoTime());
        producer.start();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("CG");
        try {
            SendResult sent = producer.send(new Message("TopicTest", "TagA", "key-1",
                    "hello bolide".getBytes(StandardCharsets.UTF_8)));
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            List<String> received = new CopyOnWriteArrayList<>();
            consumer.setNamesrvAddr(broker.nameServerAddress());
            consumer.setInstanceName("consumer-" + System.nanoTime());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe("TopicTest", "TagA");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("hello bolide"));
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }
}
