package dev.bolide.tck.ondisk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.tck.apache.ApacheRocketMqBroker;
import dev.bolide.tck.rocketmq.BrokerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by Apache RocketMQ 4.9.7, stopped in a way the subclass chooses, then opened by
 * Bolide on the same {@code storePathRootDir}, segment size and port: what a RocketMQ user moving
 * to Bolide does (README, "Moving from Apache RocketMQ").
 */
abstract class ApacheRocketMqStoreContract extends StoreOpenedByBolideContract {
    /** Small, so that the sample fills several CommitLog segments and Bolide walks across them. */
    private static final int SEGMENT_SIZE = 128 * 1024;
    /**
     * The broker.conf lines both brokers share. Bolide refuses segments smaller than the largest
     * record, which RocketMQ accepts (and fails the send then), hence {@code maxMessageSize}.
     */
    private static final List<String> SHARED_CONF = List.of("mappedFileSizeCommitLog = " + SEGMENT_SIZE,
            "maxMessageSize = 65536");
    private static final SampleWorkload WORKLOAD = new SampleWorkload(120, 1024);

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
     */
    protected abstract void stop(ApacheRocketMqBroker rocketMq, BrokerMetadata before) throws Exception;

    @BeforeAll
    void writeWithRocketMqThenOpenWithBolide() throws Exception {
        ApacheRocketMqBroker rocketMq = rocketMq();
        List<SentMessage> sent = WORKLOAD.writeTo(rocketMq.nameServerAddress(), rocketMq.brokerAddress(), rocketMq.admin());
        BrokerMetadata before = BrokerMetadata.of(rocketMq.admin(), rocketMq.brokerAddress(), SampleWorkload.GROUPS);
        stop(rocketMq, before);
        List<Path> segments = commitLogSegments(rocketMq.storeDirectory());
        System.out.printf("%s: RocketMQ wrote %d messages over %d CommitLog segments%n", getClass().getSimpleName(),
                sent.size(), segments.size());
        assertThat(segments).as("CommitLog segments RocketMQ wrote").hasSizeGreaterThan(2);

        opened(BrokerProcess.startOnStore(bolideDirectory, rocketMq.storeDirectory(), rocketMq.brokerPort(),
                SHARED_CONF.toArray(String[]::new)), sent, before);
    }

    private static List<Path> commitLogSegments(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("commitlog"))) {
            return files.toList();
        }
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
