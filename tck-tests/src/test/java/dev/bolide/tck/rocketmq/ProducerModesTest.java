package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync, async, one-way and batch sends and tag expressions, with the unchanged 4.9.8 client. */
class ProducerModesTest {
    @TempDir
    static Path dir;
    private static BrokerProcess broker;
    private DefaultMQProducer producer;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = BrokerProcess.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void startProducer() throws Exception {
        producer = broker.startProducer();
    }

    @AfterEach
    void shutdown() {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producer.shutdown();
    }

    private Set<String> consume(String group, String topic, String expression) throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
        return received;
    }

    private static Message message(String topic, String tag, String body) {
        return new Message(topic, tag, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void syncAsyncAndOneWaySendsAreAllConsumedByAPushConsumer() throws Exception {
        assertThat(producer.send(message("Modes", "T", "sync")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        CompletableFuture<SendResult> async = new CompletableFuture<>();
        producer.send(message("Modes", "T", "async"), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                async.complete(result);
            }

            @Override
            public void onException(Throwable e) {
                async.completeExceptionally(e);
            }
        });
        assertThat(async.get(10, TimeUnit.SECONDS).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        producer.sendOneway(message("Modes", "T", "oneway"));

        Set<String> received = consume("CG-modes", "Modes", "*");

        await().atMost(Duration.ofSeconds(60)).until(() -> received.containsAll(List.of("sync", "async", "oneway")));
    }

    @Test
    void aBatchIsStoredAsSeparateMessages() throws Exception {
        producer.send(message("Batch", "T", "first"));
        SendResult result = producer.send(List.of(message("Batch", "T", "b1"), message("Batch", "T", "b2"),
                message("Batch", "T", "b3")));
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.getOffsetMsgId().split(",")).hasSize(3);

        Set<String> received = consume("CG-batch", "Batch", "*");

        await().atMost(Duration.ofSeconds(60)).until(() -> received.containsAll(List.of("b1", "b2", "b3")));
    }

    @Test
    void aTagExpressionDeliversOnlyItsTags() throws Exception {
        for (String tag : List.of("A", "B", "C")) {
            producer.send(message("Tags", tag, "tag-" + tag));
        }
        producer.send(message("Tags", "A", "last"));

        Set<String> received = consume("CG-tags", "Tags", "A || B");

        await().atMost(Duration.ofSeconds(60)).until(() -> received.contains("last"));
        assertThat(received).containsExactlyInAnyOrder("tag-A", "tag-B", "last");
    }
}
