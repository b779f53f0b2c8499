package dev.bolide.ra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.config.Settings;
import dev.bolide.store.FlushDiskType;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The adapter's settings are the embedded broker's, each under the registry's setting of the same meaning. */
class EmbeddedBrokerSettingsTest {
    private final BrokerSettings broker = new EmbeddedBrokerSettings(0, 1, "127.0.0.1", Path.of("store"),
            FlushDiskType.SYNC_FLUSH, 8 << 20, Duration.ofMillis(1500), Duration.ofMillis(2500), null, BrokerSettings.NO_CONSOLE).brokerSettings();

    @Test
    void thePortsAddressAndStoreAreTheBrokers() {
        assertThat(broker.listenPort()).isZero();
        assertThat(broker.namesrvListenPort()).isEqualTo(1);
        assertThat(broker.brokerIP1()).isEqualTo("127.0.0.1");
        assertThat(broker.storeConfig().storePathRootDir()).isEqualTo(Path.of("store"));
        assertThat(broker.storeConfig().flushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
        assertThat(broker.storeConfig().mappedFileSizeCommitLog()).isEqualTo(8 << 20);
    }

    @Test
    void theCheckBackTimingsAreTheBrokersTransactionSettings() {
        assertThat(broker.transactions().transactionTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(broker.transactions().transactionCheckInterval()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void anAclFileTurnsAccessControlOn() {
        BrokerSettings guarded = new EmbeddedBrokerSettings(0, 1, "127.0.0.1", Path.of("store"),
                FlushDiskType.SYNC_FLUSH, 8 << 20, Duration.ofMillis(1500), Duration.ofMillis(2500),
                Path.of("plain_acl.yml"), BrokerSettings.NO_CONSOLE).brokerSettings();

        assertThat(broker.aclEnable()).isFalse();
        assertThat(guarded.aclEnable()).isTrue();
        assertThat(guarded.aclConfigFile()).isEqualTo(Path.of("plain_acl.yml"));
    }

    @Test
    void theConsoleIsOffUnlessAPortIsGiven() {
        BrokerSettings withConsole = new EmbeddedBrokerSettings(0, 1, "127.0.0.1", Path.of("store"),
                FlushDiskType.SYNC_FLUSH, 8 << 20, Duration.ofMillis(1500), Duration.ofMillis(2500), null, 18080)
                .brokerSettings();

        assertThat(broker.get(Settings.CONSOLE_LISTEN_PORT)).isEqualTo(BrokerSettings.NO_CONSOLE);
        assertThat(withConsole.get(Settings.CONSOLE_LISTEN_PORT)).isEqualTo(18080);
    }

    @Test
    void whatTheAdapterDoesNotSetKeepsTheRegistrysDefault() {
        assertThat(broker.get(Settings.MAX_MESSAGE_SIZE)).isEqualTo(Settings.MAX_MESSAGE_SIZE.defaultValue());
    }
}
