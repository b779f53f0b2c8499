package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code SYNC_FLUSH}, every send the real client saw acknowledged survives a {@code kill -9}
 * of the broker process in the middle of the load, three times over; so does the topic a send
 * created, killed right after its first send was acknowledged.
 */
class BrokerKillNineTest {
    private static final int SENDERS = 4;
    private static final int CYCLES = 3;
    private static final int ACKS_PER_CYCLE = 3_000;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedSendIsReadBackAfterKillNine() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir, "flushDiskType = SYNC_FLUSH")) {
            DefaultMQProducer producer = broker.startProducer();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            try {
                producer.send(message("create"));
                for (int cycle = 1; cycle <= CYCLES; cycle++) {
                    killUnderLoad(broker, producer, acknowledged, cycle * ACKS_PER_CYCLE);
                    broker.restart();
                }

                Set<String> readBack = ConcurrentHashMap.newKeySet();
                DefaultMQPushConsumer consumer = startConsumer(broker, readBack);
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> readBack.containsAll(acknowledged));
                } finally {
                    consumer.shutdown();
                }
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(readBack);
                System.out.printf("kill -9 under load: %d acknowledged, %d read back, %d lost%n",
                        acknowledged.size(), readBack.size(), lost.size());
                assertThat(lost).isEmpty();
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void aTopicCreatedBySendKeepsItsFirstMessageAcrossKillNineRightAfterTheAcknowledgement() throws Exception {
        try (BrokerProcess broker = BrokerProcess.start(dir, "flushDiskType = SYNC_FLUSH")) {
            // patient: the machine may be busy, and a send given up on is not the acknowledged one this is about
            DefaultMQProducer producer = broker.startProducer(settings -> settings.setSendMsgTimeout(30_000));
            try {
                assertThat(producer.send(new Message("CreatedBySend", "first".getBytes(StandardCharsets.UTF_8)))
                        .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                broker.kill();
            } finally {
                producer.shutdown();
            }
            broker.restart();

            assertThat(broker.readAll("CreatedBySend")).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                    .containsExactly("first");
        }
    }

    /** Sends from several threads until {@code acks} sends were acknowledged, then kills the broker. */
    private static void killUnderLoad(BrokerProcess broker, DefaultMQProducer producer, Set<String> acknowledged,
            int acks) throws InterruptedException {
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> senders = startSenders(producer, sending, acknowledged);
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= acks);
        broker.kill();
        sending.set(false);
        for (Thread sender : senders) {
            sender.join();
        }
    }

    private static List<Thread> startSenders(DefaultMQProducer producer, AtomicBoolean sending,
            Set<String> acknowledged) {
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            String prefix = "s" + s + "-" + System.nanoTime() + "-";
            Thread sender = new Thread(() -> {
                for (int i = 0; sending.get(); i++) {
                    try {
                        if (producer.send(message(prefix + i)).getSendStatus() == SendStatus.SEND_OK) {
                            acknowledged.add(prefix + i);
                        }
                    } catch (Exception broken) {
                        // the broker died under this send: it was never acknowledged
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        return senders;
    }

    private static DefaultMQPushConsumer startConsumer(BrokerProcess broker, Set<String> received) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("CG-durable");
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("durable-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("Durable", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    private static Message message(String body) {
        return new Message("Durable", body.getBytes(StandardCharsets.UTF_8));
    }
}
