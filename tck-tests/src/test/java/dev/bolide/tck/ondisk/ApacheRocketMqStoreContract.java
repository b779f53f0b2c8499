package dev.bolide.tck.ondisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.tck.apache.ApacheRocketMqBroker;
import dev.bolide.tck.rocketmq.BrokerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by Apache RocketMQ 4.9.7, stopped in a way the subclass chooses, then opened by
 * Bolide on the same {@code storePathRootDir}, segment size and port: what a RocketMQ user moving
 * to Bolide does (README, "Moving from Apache RocketMQ").
 */
abstract class ApacheRocketMqStoreContract extends StoreOpenedContract {
    /** Small, so that the sample fills several CommitLog segments and Bolide walks across them. */
    static final int SEGMENT_SIZE = 128 * 1024;
    /**
     * The broker.conf lines both brokers share. Bolide refuses segments smaller than the largest
     * record, which RocketMQ accepts (and fails the send then), hence {@code maxMessageSize}.
     */
    private static final List<String> SHARED_CONF = List.of("mappedFileSizeCommitLog = " + SEGMENT_SIZE,
            "maxMessageSize = 65536");
    private static final SampleWorkload WORKLOAD = new SampleWorkload(120, 1024);
    /** Bolide only: check back undecided transactions within seconds, not RocketMQ's 6 s and 60 s. */
    private static final List<String> BOLIDE_CONF = List.of("transactionTimeout = 1000",
            "transactionCheckInterval = 1000");
    /** Level 4 of RocketMQ's delay levels, 30 s: still waiting when RocketMQ stops. */
    private static final int DELAY_LEVEL = 4;
    private static final long DELAY_MILLIS = 30_000;
    private static final String DELAYED_TOPIC = "Later";

    private long delayedSentAt;
    private BrokerProcess bolide;

    @TempDir
    static Path bolideDirectory;

    /** A RocketMQ broker for the subclass's {@code @RegisterExtension} field, with the {@code broker.conf} Bolide gets too. */
    static ApacheRocketMqBroker rocketMqBroker(String... moreConf) {
        List<String> conf = new ArrayList<>(SHARED_CONF);
        conf.addAll(List.of("maxHashSlotNum = 65536", "maxIndexNum = 262144"));
        conf.addAll(List.of(moreConf));
        return new ApacheRocketMqBroker(conf.toArray(String[]::new));
    }

    /** The subclass's broker, as {@link #rocketMqBroker} made it. */
    protected abstract ApacheRocketMqBroker rocketMq();

    /**
     * Ends RocketMQ's run, once everything was acknowledged and {@code before} was taken.
     *
     * @param before what RocketMQ answered about its metadata
     * @return the CommitLog offset from which the store still holds the messages (0: all of them)
     */
    protected abstract long stop(ApacheRocketMqBroker rocketMq, BrokerMetadata before) throws Exception;

    @BeforeAll
    void writeWithRocketMqThenOpenWithBolide() throws Exception {
        ApacheRocketMqBroker rocketMq = rocketMq();
        List<SentMessage> sent = WORKLOAD.writeTo(rocketMq.nameServerAddress(), rocketMq.brokerAddress(), rocketMq.admin());
        BrokerMetadata before = BrokerMetadata.of(rocketMq.admin(), rocketMq.brokerAddress(), SampleWorkload.GROUPS);
        UndecidedTransaction.send(rocketMq.nameServerAddress(), rocketMq.admin(), rocketMq.brokerName());
        delayedSentAt = sendDelayed(rocketMq.nameServerAddress());
        List<Path> segments = commitLogSegments(rocketMq.storeDirectory());
        long kept = stop(rocketMq, before);
        assertThat(System.currentTimeMillis() - delayedSentAt).as("ms from the delayed send to RocketMQ's end")
                .isLessThan(DELAY_MILLIS);
        List<SentMessage> stored = storedFrom(kept, sent);
        System.out.printf("%s: RocketMQ wrote %d messages in %d CommitLog files, %d still stored%n",
                getClass().getSimpleName(), sent.size(), segments.size(), stored.size());
        assertThat(segments).as("CommitLog files RocketMQ wrote").hasSizeGreaterThan(2);

        assertAnotherSegmentSizeIsRefused(rocketMq);
        List<String> bolideConf = new ArrayList<>(SHARED_CONF);
        bolideConf.addAll(BOLIDE_CONF);
        bolide = BrokerProcess.startOnStore(bolideDirectory, rocketMq.storeDirectory(), rocketMq.brokerPort(),
                bolideConf.toArray(String[]::new));
        opened(bolide, stored, before);
    }

    /** Sends one message at the delay level and returns when it was sent; it lies in SCHEDULE_TOPIC_XXXX meanwhile. */
    private static long sendDelayed(String nameServer) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("PG-later");
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("later-" + System.nanoTime());
        producer.start();
        try {
            Message message = new Message(DELAYED_TOPIC, "held by RocketMQ".getBytes(StandardCharsets.UTF_8));
            message.setDelayTimeLevel(DELAY_LEVEL);
            long sentAt = System.currentTimeMillis();
            producer.send(message);
            return sentAt;
        } finally {
            producer.shutdown();
        }
    }

    /**
     * The segment size is not written in the store: a Bolide configured with another one must
     * refuse to start rather than map RocketMQ's files wrongly (and it must leave them as they were).
     */
    private static void assertAnotherSegmentSizeIsRefused(ApacheRocketMqBroker rocketMq) {
        assertThatThrownBy(() -> BrokerProcess.startOnStore(bolideDirectory, rocketMq.storeDirectory(),
                rocketMq.brokerPort(), "mappedFileSizeCommitLog = " + 2 * SEGMENT_SIZE, "maxMessageSize = 65536"))
                .hasMessageContaining("was the segment size changed for an existing store?");
    }

    private static List<SentMessage> storedFrom(long commitLogOffset, List<SentMessage> sent) {
        return sent.stream()
                .filter(m -> m.commitLogOffset() >= commitLogOffset).toList();
    }

    private static List<Path> commitLogSegments(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("commitlog"))) {
            return files.toList();
        }
    }

    /**
     * RocketMQ's schedule queue and {@code delayOffset.json} carry over: Bolide delivers the
     * message RocketMQ was holding, once, when it is due and not before.
     */
    @Test
    void aDelayedMessageRocketMqHeldIsDeliveredWhenDue() throws Exception {
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = bolide.startConsumer("CG-later", DELAYED_TOPIC, received);
        try {
            await().atMost(Duration.ofMillis(DELAY_MILLIS * 3)).until(() -> !received.isEmpty());
        } finally {
            consumer.shutdown();
        }
        long deliveredAt = System.currentTimeMillis();

        assertThat(received).containsOnlyKeys("held by RocketMQ");
        assertThat(received.get("held by RocketMQ")).hasSize(1);
        assertThat(deliveredAt - delayedSentAt).isGreaterThanOrEqualTo(DELAY_MILLIS);
    }

    /**
     * RocketMQ's half and op queues carry over: Bolide asks the producer group about the one
     * transaction RocketMQ left undecided, and only that one, and delivers it on the commit.
     */
    @Test
    void anUndecidedTransactionIsCheckedBackAndDelivered() throws Exception {
        Set<String> checked = ConcurrentHashMap.newKeySet();
        Map<String, List<MessageExt>> received = new ConcurrentHashMap<>();
        TransactionMQProducer producer = UndecidedTransaction.checkingProducer(bolide.nameServerAddress(), checked);
        DefaultMQPushConsumer consumer = bolide.startConsumer("CG-ledger", UndecidedTransaction.TOPIC, received);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> received.containsKey(UndecidedTransaction.UNDECIDED)
                    && received.containsKey(UndecidedTransaction.COMMITTED));
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }

        assertThat(checked).containsExactly(UndecidedTransaction.UNDECIDED);
        assertThat(received).containsOnlyKeys(UndecidedTransaction.COMMITTED, UndecidedTransaction.UNDECIDED);
        assertThat(received.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
    }

    /** Bolide listens where RocketMQ did, so the ids RocketMQ handed out lead the client to it unchanged. */
    @Test
    void theOffsetMessageIdsRocketMqHandedOutStillWork() throws Exception {
        List<SeenMessage> viewed = new ArrayList<>();
        for (SentMessage message : sent()) {
            MessageExt found = admin().viewMessage(message.offsetMsgId());
            viewed.add(SeenMessage.read(found));
        }

        assertThat(viewed).containsExactlyElementsOf(sent().stream().map(SeenMessage::sent).toList());
    }
}
