package dev.bolide.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration properties are checked at start; a bad one fails naming the property. */
class AdapterConfigTest {
    /** The checks run before the adapter uses anything of the server's. */
    private static final BootstrapContext NO_SERVER = null;

    private final BolideResourceAdapter adapter = new BolideResourceAdapter();

    @Test
    void anUnknownModeFailsNamingMode() {
        adapter.setMode("CLOUD");

        assertStartFails("mode = 'CLOUD'", "EMBEDDED", "REMOTE");
    }

    @Test
    void remoteModeWithoutNameServersFailsNamingNamesrvAddr() {
        adapter.setMode("REMOTE");

        assertStartFails("namesrvAddr", "REMOTE needs");
    }

    @Test
    void aNameServerWithoutPortFailsNamingNamesrvAddr() {
        adapter.setMode("REMOTE");
        adapter.setNamesrvAddr("10.0.0.1:9876;10.0.0.2");

        assertStartFails("namesrvAddr", "'10.0.0.2' is not host:port");
    }

    @Test
    void remoteModeGivesClientsTheConfiguredNameServers() throws Exception {
        adapter.setMode("remote");
        adapter.setNamesrvAddr(" 10.0.0.1:9876;10.0.0.2:9876 ");

        adapter.start(NO_SERVER);

        assertThat(adapter.nameServerAddress()).isEqualTo("10.0.0.1:9876;10.0.0.2:9876");
        adapter.stop();
    }

    @Test
    void nameServersInEmbeddedModeFailNamingNamesrvAddr() {
        adapter.setNamesrvAddr("10.0.0.1:9876");

        assertStartFails("namesrvAddr", "only for mode REMOTE");
    }

    @Test
    void aPortOutOfRangeFailsNamingIt() {
        adapter.setBrokerPort(70000);

        assertStartFails("brokerPort = '70000'", "not a port");
    }

    @Test
    void aMissingNameServerPortFailsNamingIt() {
        adapter.setNameServerPort(null);

        assertStartFails("nameServerPort = 'null'");
    }

    @Test
    void theSamePortForBrokerAndNameServerFails() {
        adapter.setBrokerPort(9876);
        adapter.setNameServerPort(9876);

        assertStartFails("nameServerPort", "same port as brokerPort");
    }

    @Test
    void anUnknownFlushTypeFailsNamingFlushType() {
        adapter.setFlushType("SOMETIMES");

        assertStartFails("flushType = 'SOMETIMES'", "ASYNC_FLUSH");
    }

    @Test
    void aTinyCommitLogFileFailsNamingItsProperty() {
        adapter.setMappedFileSizeCommitLog(100);

        assertStartFails("mappedFileSizeCommitLog = '100'");
    }

    @Test
    void aNegativeTransactionTimeoutFailsNamingIt() {
        adapter.setTransactionTimeout(-1L);

        assertStartFails("transactionTimeout = '-1'", "milliseconds of at least 0");
    }

    @Test
    void aZeroTransactionCheckIntervalFailsNamingIt() {
        adapter.setTransactionCheckInterval(0L);

        assertStartFails("transactionCheckInterval = '0'", "milliseconds of at least 1");
    }

    @Test
    void aBlankBrokerAddressFailsNamingIt() {
        adapter.setBrokerAddress(" ");

        assertStartFails("brokerAddress", "missing");
    }

    @Test
    void anUnresolvableBrokerAddressFailsNamingIt() {
        adapter.setBrokerAddress("no-such-host.invalid");

        assertStartFails("brokerAddress = 'no-such-host.invalid'", "cannot be resolved");
    }

    @Test
    void aFailedStartLeavesTheAdapterStopped() {
        adapter.setMode("CLOUD");

        assertThatThrownBy(() -> adapter.start(NO_SERVER)).isInstanceOf(ResourceAdapterInternalException.class);
        assertThatThrownBy(adapter::nameServerAddress).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStoreDefaultsToBolideStoreUnderPayarasInstanceDirectory() {
        assertThat(defaultStoreDirWith("com.sun.aas.instanceRoot", "/srv/payara/domains/domain1"))
                .isEqualTo(Path.of("/srv/payara/domains/domain1/bolide/store"));
    }

    @Test
    void theStoreDefaultsToBolideStoreUnderWildFlysDataDirectory() {
        assertThat(defaultStoreDirWith("jboss.server.data.dir", "/srv/wildfly/standalone/data"))
                .isEqualTo(Path.of("/srv/wildfly/standalone/data/bolide/store"));
    }

    private static Path defaultStoreDirWith(String property, String value) {
        String previous = System.setProperty(property, value);
        try {
            return AdapterSettings.defaultStoreDir();
        } finally {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
    }

    @Test
    void outsideAServerTheStoreDefaultsToBolideStoreUnderTheWorkingDirectory() {
        assertThat(System.getProperty("com.sun.aas.instanceRoot")).isNull();
        assertThat(System.getProperty("jboss.server.data.dir")).isNull();

        assertThat(AdapterSettings.defaultStoreDir())
                .isEqualTo(Path.of(System.getProperty("user.dir"), "bolide", "store").toAbsolutePath());
    }

    private void assertStartFails(String... messageParts) {
        assertThatThrownBy(() -> adapter.start(NO_SERVER)).isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageStartingWith("Bolide resource adapter: config property ")
                .hasMessageContainingAll(messageParts);
    }
}
