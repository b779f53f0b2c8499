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
 * A mixed cluster: a Bolide SLAVE of an Apache RocketMQ 4.9.7 master, finding the master's HA port
 * through the Apache name server, ends up with the master's CommitLog byte for byte.
 */
class BolideSlaveOfApacheRocketMqTest {
    private static final String TOPIC = "Mixed";

    @RegisterExtension
    static final ApacheRocketMqBroker MASTER = new ApacheRocketMqBroker();

    @TempDir
    Path dir;

    @Test
    void theBolideSlaveHoldsTheApacheMastersCommitLogByteForByte() throws Exception {
        try (BrokerProcess slave = BrokerProcess.startOnStore(dir, dir.resolve("store"), FreePorts.freeBrokerPort(),
                "mapedFileSizeCommitLog = 67108864", "brokerName = " + MASTER.brokerName(), "brokerRole = SLAVE",
                "brokerId = 1", "namesrvListenPort = -1", "namesrvAddr = " + MASTER.nameServerAddress())) {
            MASTER.createTopic(TOPIC);
            DefaultMQProducer producer = new DefaultMQProducer("PG-mixed");
            producer.setNamesrvAddr(MASTER.nameServerAddress());
            producer.setInstanceName("mixed-" + System.nanoTime());
            producer.start();
            try {
                for (int i = 0; i < 500; i++) {
                    Message message = new Message(TOPIC, "T", "k" + i, ("message " + i).repeat(1 + i % 20)
                            .getBytes(StandardCharsets.UTF_8));
                    assertThat(producer.send(message).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                }
            } finally {
                producer.shutdown();
            }

            Path master = first(MASTER.storeDirectory());
            Path copy = first(dir.resolve("store"));
            await("the slave caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Files.exists(copy) && written(copy).length >= written(master).length);
            assertThat(written(copy)).isEqualTo(written(master)).hasSizeGreaterThan(500 * 100);
        }
    }
}
