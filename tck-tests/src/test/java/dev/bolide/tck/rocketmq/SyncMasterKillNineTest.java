package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.testsupport.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Bolide SYNC_MASTER and its Bolide SLAVE as two processes, the slave learning its master's HA
 * address from the master's name server; the master is killed with {@code kill -9} under a load of
 * real 4.9.8 client sends. Every send answered SEND_OK is in the slave's store: the slave, stopped
 * and restarted as the master of its store (the switch-over), delivers each of them.
 */
class SyncMasterKillNineTest {
    private static final String TOPIC = "Replicated";
    private static final String SEGMENT = "mapedFileSizeCommitLog = 67108864";
    private static final int SENDERS = 4;
    private static final int ACKS = 3_000;
    private static final String TIMED = "Timed";
    private static final int TIMERS = 100;

    @TempDir
    Path dir;

    @Test
    void everySendTheSyncMasterAcknowledgedIsOnTheSlaveAfterTheMasterIsKilled() throws Exception {
        BrokerProcess master = BrokerProcess.start(Files.createDirectories(dir.resolve("master")),
                "brokerRole = SYNC_MASTER");
        Path slaveDir = Files.createDirectories(dir.resolve("slave"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger notReplicated = new AtomicInteger();
        try (BrokerProcess slave = BrokerProcess.startOnStore(slaveDir, slaveDir.resolve("store"),
                FreePorts.freeBrokerPort(), SEGMENT, "brokerRole = SLAVE", "brokerId = 1", "namesrvListenPort = -1",
                "namesrvAddr = " + master.nameServerAddress())) {
            DefaultMQProducer producer = master.startProducer();
            try {
                await("the slave connected").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> producer.send(message("probe")).getSendStatus() == SendStatus.SEND_OK);
                long started = System.nanoTime();
                killUnderLoad(master, producer, acknowledged, notReplicated);
                System.out.printf("SYNC_MASTER under load: %d sends acknowledged in %d ms by 4 threads, "
                        + "%d answered without the slave%n", acknowledged.size(),
                        (System.nanoTime() - started) / 1_000_000, notReplicated.get());
            } finally {
                producer.shutdown();
            }
        }
        assertThat(notReplicated.get()).as("sends answered without the slave").isZero();
        assertThat(readBack(slaveDir, acknowledged)).isEmpty();
    }

    /**
     * Timers half delivered when the SYNC_MASTER is killed: the slave promoted never ran a timer,
     * its CommitLog holds the timer records and the deliveries the old master made. Each timer is
     * delivered once: those the old master delivered are not delivered again.
     */
    @Test
    void aSlavePromotedDeliversEachTimerOnceWhenTheKilledMasterDeliveredHalfOfThem() throws Exception {
        BrokerProcess master = BrokerProcess.start(Files.createDirectories(dir.resolve("master")),
                "brokerRole = SYNC_MASTER");
        Path slaveDir = Files.createDirectories(dir.resolve("slave"));
        Set<String> timers = new HashSet<>();
        long killed;
        long last;
        try (BrokerProcess slave = BrokerProcess.startOnStore(slaveDir, slaveDir.resolve("store"),
                FreePorts.freeBrokerPort(), SEGMENT, "brokerRole = SLAVE", "brokerId = 1", "namesrvListenPort = -1",
                "namesrvAddr = " + master.nameServerAddress())) {
            // a loaded machine may take longer than the client's 3 s to answer a send
            DefaultMQProducer producer = master.startProducer(settings -> settings.setSendMsgTimeout(30_000));
            try {
                await("the slave connected").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> producer.send(timed("probe", 0)).getSendStatus() == SendStatus.SEND_OK);
                long first = System.currentTimeMillis() + 3_000;
                for (int i = 0; i < TIMERS; i++) {
                    assertThat(producer.send(timed("t" + i, first + 150L * i)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                    timers.add("t" + i);
                }
                last = first + 150L * (TIMERS - 1);
            } finally {
                producer.shutdown();
            }
            await("half of the timers delivered").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> master.readAll(TIMED).size() > TIMERS / 2);
            master.kill();
            killed = System.currentTimeMillis();
        }
        Path promotedDir = Files.createDirectories(slaveDir.resolveSibling("promoted"));
        try (BrokerProcess promoted = BrokerProcess.startOnStore(promotedDir, slaveDir.resolve("store"),
                FreePorts.freeBrokerPort(), SEGMENT)) {
            DefaultMQProducer producer = promoted.startProducer(settings -> settings.setSendMsgTimeout(30_000));
            try {
                // due after every other timer: once it is delivered, each earlier one was taken in and delivered
                Message sentinel = timed("sentinel", Math.max(last, System.currentTimeMillis()) + 1);
                await("the promoted slave serving").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                        .until(() -> producer.send(sentinel).getSendStatus() == SendStatus.SEND_OK);
            } finally {
                producer.shutdown();
            }
            Set<String> expected = new HashSet<>(timers);
            expected.add("sentinel");
            await("the promoted slave's timer caught up").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> promoted.readAll(TIMED).stream().map(SyncMasterKillNineTest::body).toList()
                            .containsAll(expected));
            List<MessageExt> delivered = promoted.readAll(TIMED).stream().filter(m -> timers.contains(body(m))).toList();
            long beforeKill = delivered.stream().filter(m -> m.getStoreTimestamp() < killed).count();
            System.out.printf("SYNC_MASTER killed with %d timers: %d delivered by it, %d by the promoted slave, "
                    + "%d deliveries in all%n", TIMERS, beforeKill, delivered.size() - beforeKill, delivered.size());
            assertThat(delivered).extracting(SyncMasterKillNineTest::body).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(timers);
            assertThat(beforeKill).as("delivered by the killed master").isPositive().isLessThan(TIMERS);
        }
    }

    private static Message timed(String body, long deliverAtMillis) {
        Message message = new Message(TIMED, body.getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("TIMER_DELIVER_MS", Long.toString(deliverAtMillis));
        return message;
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    /** Sends from several threads until {@link #ACKS} sends were acknowledged, then kills the master. */
    private static void killUnderLoad(BrokerProcess master, DefaultMQProducer producer, Set<String> acknowledged,
            AtomicInteger notReplicated) throws InterruptedException {
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            String prefix = "s" + s + "-";
            Thread sender = new Thread(() -> {
                for (int i = 0; sending.get(); i++) {
                    try {
                        SendStatus status = producer.send(message(prefix + i)).getSendStatus();
                        if (status == SendStatus.SEND_OK) {
                            acknowledged.add(prefix + i);
                        } else {
                            notReplicated.incrementAndGet();
                        }
                    } catch (Exception broken) {
                        // the master died under this send: it was never acknowledged
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= ACKS);
        master.kill();
        sending.set(false);
        for (Thread sender : senders) {
            sender.join();
        }
    }

    /** Restarts the stopped slave's store as a master and returns the acknowledged sends it does not deliver. */
    private static Set<String> readBack(Path slaveDir, Set<String> acknowledged) throws Exception {
        Path promotedDir = Files.createDirectories(slaveDir.resolveSibling("promoted"));
        try (BrokerProcess promoted = BrokerProcess.startOnStore(promotedDir, slaveDir.resolve("store"),
                FreePorts.freeBrokerPort(), SEGMENT)) {
            DefaultMQProducer producer = promoted.startProducer();
            Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = null;
            try {
                // the topic was made on the master; the marker makes it on the promoted broker too
                producer.send(message("marker"));
                consumer = promoted.startConsumer("CG-slave", TOPIC, received);
                await().atMost(Duration.ofSeconds(120)).until(() -> received.keySet().containsAll(acknowledged));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // reported as the missing sends below
            } finally {
                if (consumer != null) {
                    consumer.shutdown();
                }
                producer.shutdown();
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(received.keySet());
            System.out.printf("slave after kill -9 of its SYNC_MASTER: %d acknowledged, %d read back, %d lost%n",
                    acknowledged.size(), received.size(), lost.size());
            return lost;
        }
    }

    private static Message message(String body) {
        return new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8));
    }
}
