package dev.bolide.ra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.launcher.BrokerConfigFile;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.store.FlushDiskType;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The adapter's settings reach the embedded broker through the broker's own {@code broker.conf} reading. */
class EmbeddedBrokerSettingsTest {
    private final EmbeddedBrokerSettings settings = new EmbeddedBrokerSettings(0, 0, "127.0.0.1", Path.of("store"),
            FlushDiskType.ASYNC_FLUSH, 8 << 20, Duration.ofMillis(1500), Duration.ofMillis(2500));

    @Test
    void theCheckBackTimingsAreTheBrokersTransactionSettings() {
        TransactionSettings transactions = BrokerConfigFile.from(settings.asBrokerConf()).brokerSettings().transactions();

        assertThat(transactions.transactionTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(transactions.transactionCheckInterval()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void everySettingIsAKeyTheBrokerUses() {
        assertThat(BrokerConfigFile.from(settings.asBrokerConf()).unusedKeys()).isEmpty();
    }
}
