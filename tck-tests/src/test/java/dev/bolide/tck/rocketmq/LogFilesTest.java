package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built broker jar logs as a RocketMQ broker does: broker.log, store.log and namesrv.log in the
 * folder {@code -Dbolide.log.dir} names (RocketMQ's {@code ~/logs/rocketmqlogs} by default).
 */
class LogFilesTest {
    @TempDir
    Path dir;

    @Test
    void theStartAndStopLinesGoToBrokerLog() throws Exception {
        BrokerProcess broker = BrokerProcess.start(dir);
        Path brokerLog = broker.logDirectory().resolve("broker.log");
        assertThat(brokerLog).content().contains("Bolide broker broker-a started");

        broker.close();

        assertThat(brokerLog).content().contains("Bolide broker closed cleanly");
        assertThat(broker.logDirectory().resolve("namesrv.log")).exists();
    }

    @Test
    void theStoresRecoveryIsLoggedInStoreLogNotInBrokerLog() throws Exception {
        BrokerProcess broker = BrokerProcess.start(dir);
        broker.kill();
        broker.restart();
        try {
            Path storeLog = broker.logDirectory().resolve("store.log");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(storeLog).contains(
                    "was not shut down cleanly"));
            assertThat(broker.logDirectory().resolve("broker.log")).content()
                    .doesNotContain("was not shut down cleanly");
        } finally {
            broker.close();
        }
    }
}
