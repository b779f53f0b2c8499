package dev.bolide.tck.apache;

import static dev.bolide.tck.apache.CommitLogSegment.first;
import static dev.bolide.tck.apache.CommitLogSegment.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.tck.rocketmq.BrokerProcess;
import dev.bolide.testsupport.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed cluster: an Apache RocketMQ 4.9.7 SLAVE of a Bolide SYNC_MASTER. The master answers
 * SEND_OK only once the Apache slave reported the bytes, and the slave's CommitLog is the
 * master's byte for byte.
 */
class ApacheRocketMqSlaveOfBolideTest {
    private static final String TOPIC = "Mixed";
    private static final int MASTER_PORT = FreePorts.freeBrokerPort();

    /** The slave starts first and connects once the master listens (RocketMQ retries every 5 s). */
    @RegisterExtension
    static final ApacheRocketMqBroker SLAVE = new ApacheRocketMqBroker("brokerRole = SLAVE", "brokerId = 1",
            "haMasterAddress = 127.0.0.1:" + (MASTER_PORT + 1));

    @TempDir
    Path dir;

    @Test
    void theApacheSlaveAcknowledgesTheBolideSyncMastersSendsAndHoldsItsCommitLogByteForByte() throws Exception {
        try (BrokerProcess master = BrokerProcess.startOnStore(dir, dir.resolve("store"), MASTER_PORT,
                "mapedFileSizeCommitLog = 67108864", "brokerRole = SYNC_MASTER")) {
            DefaultMQProducer producer = master.startProducer();
            try {
                await("the Apache slave connected").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> producer.send(message(-1)).getSendStatus() == SendStatus.SEND_OK);
                for (int i = 0; i < 500; i++) {
                    assertThat(producer.send(message(i)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                }
            } finally {
                producer.shutdown();
            }

            Path original = first(dir.resolve("store"));
            Path copy = first(SLAVE.storeDirectory());
            await("the slave caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Files.exists(copy) && written(copy).length >= written(original).length);
            assertThat(written(copy)).isEqualTo(written(original)).hasSizeGreaterThan(500 * 100);
        }
    }

    private static Message message(int number) {
        return new Message(TOPIC, "T", "k" + number, ("message " + number).repeat(1 + Math.abs(number) % 20)
                .getBytes(StandardCharsets.UTF_8));
    }
}
