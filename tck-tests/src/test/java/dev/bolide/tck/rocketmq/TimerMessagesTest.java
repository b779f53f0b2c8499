package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocketMQ 5 timer properties sent by a 4.9 producer as user properties: the message is consumable
 * at the time they ask for, durably.
 */
class TimerMessagesTest {
    private static final String TOPIC = "Timed";

    @TempDir
    Path dir;
    private BrokerProcess broker;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    @AfterEach
    void shutdown() throws Exception {
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

    private static Message timed(String body, String property, long value) {
        Message message = new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8));
        message.putUserProperty(property, Long.toString(value));
        return message;
    }

    /**
     * A push consumer that notes when each message arrives, by body; returned once it receives.
     * The topic exists before it starts, so that its first rebalance finds queues (else it waits
     * 20 s for the next).
     */
    private Map<String, Long> startConsumer() throws Exception {
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        consumer = new DefaultMQPushConsumer("CG-timer");
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("consumer-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.currentTimeMillis();
            messages.forEach(m -> arrivals.putIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8), now));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        producer.send(new Message(TOPIC, "ready".getBytes(StandardCharsets.UTF_8)));
        consumer.start();
        await("consumer receiving").atMost(Duration.ofSeconds(60)).until(() -> arrivals.containsKey("ready"));
        return arrivals;
    }

    private static long timerOut(MessageExt message) {
        return Long.parseLong(message.getProperty("TIMER_OUT_MS"));
    }

    @Test
    void eachTimerPropertyDeliversAtTheTimeItAsksFor() throws Exception {
        broker = BrokerProcess.start(dir);
        producer = broker.startProducer();
        Map<String, Long> arrivals = startConsumer();

        long sent = System.currentTimeMillis();
        producer.send(timed("deliver-ms", "TIMER_DELIVER_MS", sent + 2_000));
        producer.send(timed("delay-sec", "TIMER_DELAY_SEC", 2));
        producer.send(timed("delay-ms", "TIMER_DELAY_MS", 1_500));
        long sendsDone = System.currentTimeMillis();
        producer.send(timed("past", "TIMER_DELIVER_MS", sent - 60_000));

        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.size() == 5);
        assertThat(arrivals.get("past")).as("a time already past delivers at once").isLessThan(sent + 1_000);
        Map<String, Long> asked = Map.of("deliver-ms", 2_000L, "delay-sec", 2_000L, "delay-ms", 1_500L);
        Map<String, MessageExt> stored = new HashMap<>();
        broker.readAll(TOPIC).forEach(m -> stored.put(new String(m.getBody(), StandardCharsets.UTF_8), m));
        for (Map.Entry<String, Long> timer : asked.entrySet()) {
            MessageExt message = stored.get(timer.getKey());
            long due = timerOut(message);
            assertThat(due).as("due time of %s", timer.getKey()).isBetween(sent + timer.getValue(),
                    sendsDone + timer.getValue());
            assertThat(message.getStoreTimestamp() - due).as("lateness of %s in ms", timer.getKey()).isBetween(0L, 100L);
            assertThat(arrivals.get(timer.getKey())).as("consumed at or after its time").isGreaterThanOrEqualTo(due)
                    .isLessThan(due + 1_000);
            System.out.printf("%s: stored %d ms, consumed %d ms after its time%n", timer.getKey(),
                    message.getStoreTimestamp() - due, arrivals.get(timer.getKey()) - due);
        }
    }

    @Test
    void aDelayBeyondTimerMaxDelaySecIsRefusedWithTheLimitNamed() throws Exception {
        broker = BrokerProcess.start(dir, "timerMaxDelaySec = 60");
        producer = broker.startProducer();

        assertThatThrownBy(() -> producer.send(timed("too late", "TIMER_DELAY_SEC", 61)))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> assertThat(e.getResponseCode()).isEqualTo(13))
                .hasMessageContaining("timerMaxDelaySec = 60");
        assertThat(producer.send(timed("in time", "TIMER_DELAY_SEC", 60)).getSendStatus().name()).isEqualTo("SEND_OK");
    }

    @Test
    void afterKillNineEveryPendingTimerIsDeliveredExactlyOnceAtItsTime() throws Exception {
        broker = BrokerProcess.start(dir);
        producer = broker.startProducer();
        int count = 100;
        long first = System.currentTimeMillis() + 2_000;
        Map<String, Long> dueById = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long due = first + 60L * i;
            dueById.put(producer.send(timed("t" + i, "TIMER_DELIVER_MS", due)).getMsgId(), due);
        }
        producer.shutdown();
        producer = null;
        Thread.sleep(Math.max(0, first + 1_500 - System.currentTimeMillis()));

        broker.kill();
        long killed = System.currentTimeMillis();
        broker = broker.restart();
        long restarted = System.currentTimeMillis();

        await().atMost(Duration.ofSeconds(30)).until(() -> broker.readAll(TOPIC).size() >= count);
        Thread.sleep(Math.max(500, first + 60L * count + 500 - System.currentTimeMillis()));
        List<MessageExt> delivered = broker.readAll(TOPIC);
        assertThat(delivered).extracting(MessageExt::getMsgId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(dueById.keySet());
        int beforeKill = 0;
        int duringDowntime = 0;
        for (MessageExt message : delivered) {
            long due = dueById.get(message.getMsgId());
            long stored = message.getStoreTimestamp();
            assertThat(timerOut(message)).isEqualTo(due);
            assertThat(stored).as("%s not early", message.getMsgId()).isGreaterThanOrEqualTo(due);
            if (stored < killed) {
                beforeKill++;
            } else if (due <= restarted) {
                duringDowntime++;
                assertThat(stored).as("fell due while the broker was down: delivered at start").isLessThan(restarted
                        + 2_000);
            } else {
                assertThat(stored - due).as("lateness after the restart, in ms").isLessThan(200);
            }
        }
        assertThat(beforeKill).as("timers delivered before the kill").isPositive();
        System.out.printf("kill -9 with %d timers: %d delivered before the kill, %d fell due while the broker was "
                + "down, %d after the restart; each exactly once%n", count, beforeKill, duringDowntime,
                count - beforeKill - duringDowntime);
    }
}
