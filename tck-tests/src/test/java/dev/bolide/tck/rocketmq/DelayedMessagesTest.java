package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delay levels with a 4.9.8 producer and push consumer. The broker's levels are RocketMQ's
 * default for level 2 (5 s) and short elsewhere, so that the clamp to level 18 shows in seconds.
 */
class DelayedMessagesTest {
    private static final String LEVELS = "1s 5s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 3s";
    private static final String TOPIC = "Delayed";

    private static Path dir;
    private static BrokerProcess broker;
    private static DefaultMQProducer producer;
    private static DefaultMQPushConsumer consumer;
    /** Each message received by body, with the time it arrived. */
    private static final Map<String, Received> received = new ConcurrentHashMap<>();

    private record Received(MessageExt message, long at) {
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("bolide-delay");
        broker = BrokerProcess.start(dir, "messageDelayLevel = " + LEVELS);
        producer = broker.startProducer();
        producer.send(new Message(TOPIC, "T", "create".getBytes(StandardCharsets.UTF_8)));
        consumer = new DefaultMQPushConsumer("CG-delay");
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("CG-delay-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.currentTimeMillis();
            messages.forEach(m -> received.put(new String(m.getBody(), StandardCharsets.UTF_8), new Received(m, now)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.containsKey("create"));
    }

    @AfterAll
    static void stop() throws Exception {
        consumer.shutdown();
        producer.shutdown();
        broker.close();
    }

    private static long sendDelayed(String body, int level) throws Exception {
        Message message = new Message(TOPIC, "TagD", "key-" + body, body.getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeLevel(level);
        long sentAt = System.currentTimeMillis();
        producer.send(message);
        return sentAt;
    }

    private static long elapsed(String body, long sentAt) {
        await().atMost(Duration.ofSeconds(30)).until(() -> received.containsKey(body));
        return received.get(body).at() - sentAt;
    }

    @Test
    void levelTwoDeliversAfterAboutFiveSeconds() throws Exception {
        long sentAt = sendDelayed("level2", 2);

        assertThat(elapsed("level2", sentAt)).isBetween(4_900L, 7_000L);
        MessageExt message = received.get("level2").message();
        assertThat(message.getTopic()).isEqualTo(TOPIC);
        assertThat(message.getKeys()).isEqualTo("key-level2");
        assertThat(message.getTags()).isEqualTo("TagD");
        assertThat(message.getDelayTimeLevel()).isZero();
        assertThat(message.getStoreTimestamp() - message.getBornTimestamp()).isGreaterThanOrEqualTo(5_000);
    }

    @Test
    void aLevelAboveEighteenIsClampedToEighteen() throws Exception {
        long sentAt = sendDelayed("level25", 25);

        assertThat(elapsed("level25", sentAt)).isBetween(2_900L, 5_000L);
    }

    @Test
    void delayedMessagesAreConsumableSoonAfterTheyAreDue() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bodies.add("late" + i);
            sendDelayed("late" + i, 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.keySet().containsAll(bodies));

        long[] lateness = bodies.stream().map(received::get)
                .mapToLong(r -> r.at() - (r.message().getBornTimestamp() + 1_000)).sorted().toArray();
        long p50 = lateness[lateness.length / 2];
        long p99 = lateness[(int) Math.ceil(lateness.length * 0.99) - 1];
        System.out.printf("delay lateness over %d messages: p50 %d ms, p99 %d ms, max %d ms%n", lateness.length, p50,
                p99, lateness[lateness.length - 1]);
        assertThat(lateness[0]).isGreaterThanOrEqualTo(0);
        assertThat(p99).isLessThan(1_000);
    }
}
