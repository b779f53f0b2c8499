package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker killed with {@code kill -9} while delayed messages wait, some already delivered since
 * its delay progress was last written: after a restart on the same store every delayed message is
 * in its topic exactly once, none before its due time, the pending ones on time.
 */
class DelayedMessagesAcrossAKillTest {
    /** Levels 1 s, 3 s, 8 s; progress is written every 10 s (RocketMQ's default), so not before the kill. */
    private static final String LEVELS = "1s 3s 8s";
    private static final String TOPIC = "Later";

    @TempDir
    Path dir;

    private static long send(DefaultMQProducer producer, String body, int level) throws Exception {
        Message message = new Message(TOPIC, "T", body.getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeLevel(level);
        producer.send(message);
        return System.currentTimeMillis();
    }

    private static List<String> sendAll(DefaultMQProducer producer, String prefix, int level, int count)
            throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(prefix + i);
            send(producer, prefix + i, level);
        }
        return bodies;
    }

    @Test
    void eachDelayedMessageIsDeliveredOnceAtItsTimeAfterAKill() throws Exception {
        BrokerProcess broker = BrokerProcess.start(dir, "messageDelayLevel = " + LEVELS);
        DefaultMQProducer producer = broker.startProducer();
        producer.send(new Message(TOPIC, "T", "create".getBytes(StandardCharsets.UTF_8)));
        List<String> pending = sendAll(producer, "eight-", 3, 20);
        List<String> deliveredBefore = sendAll(producer, "three-", 2, 20);
        long lastThreeSecondSend = System.currentTimeMillis();
        Thread.sleep(Math.max(0, lastThreeSecondSend + 3_600 - System.currentTimeMillis()));
        List<String> dueWhileDown = sendAll(producer, "one-", 1, 10);
        producer.shutdown();
        broker.kill();

        broker = broker.restart();
        long restartedAt = System.currentTimeMillis();
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = broker.startConsumer("CG-kill", TOPIC, received);
        try {
            List<String> all = new ArrayList<>(pending);
            all.addAll(deliveredBefore);
            all.addAll(dueWhileDown);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.keySet().containsAll(all));
            Thread.sleep(1_500);

            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(concat(all, "create"));
            received.forEach((body, copies) -> assertThat(copies).as(body).hasSize(1));
            assertDeliveredAt(received, deliveredBefore, 3_000, restartedAt);
            assertDeliveredAt(received, dueWhileDown, 1_000, restartedAt);
            assertDeliveredAt(received, pending, 8_000, restartedAt);
            assertThat(pending).allSatisfy(body -> assertThat(storeDelay(received, body)).isLessThan(8_000 + 1_500));
        } finally {
            consumer.shutdown();
            broker.close();
        }
    }

    private static List<String> concat(List<String> bodies, String extra) {
        List<String> all = new ArrayList<>(bodies);
        all.add(extra);
        return all;
    }

    private static long storeDelay(Map<String, List<MessageExt>> received, String body) {
        MessageExt message = received.get(body).get(0);
        return message.getStoreTimestamp() - message.getBornTimestamp();
    }

    /** Never before its due time, and no later than a second after it was due or after the restart. */
    private static void assertDeliveredAt(Map<String, List<MessageExt>> received, List<String> bodies, long delay,
            long restartedAt) {
        for (String body : bodies) {
            MessageExt message = received.get(body).get(0);
            long due = message.getBornTimestamp() + delay;
            assertThat(message.getStoreTimestamp()).as(body).isBetween(due, Math.max(due, restartedAt) + 1_000);
        }
    }
}
