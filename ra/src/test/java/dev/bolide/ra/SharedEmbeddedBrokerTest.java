package dev.bolide.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.rocketmq.SendResult;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two adapter instances in one JVM, as WildFly makes one for the server's configuration and one for
 * each {@code @ConnectionFactoryDefinition} naming the adapter: in EMBEDDED mode they share the
 * embedded broker of their store, which runs from the first start to the last stop.
 */
class SharedEmbeddedBrokerTest {
    /** One store per test class: a new store zero-fills its key index, which takes seconds. */
    @TempDir
    static Path dir;
    private final String topic = "Orders" + System.nanoTime();
    private final BolideResourceAdapter first = new BolideResourceAdapter();
    private final BolideResourceAdapter second = new BolideResourceAdapter();

    @AfterEach
    void stop() {
        second.stop();
        first.stop();
    }

    @Test
    void aSecondInstanceOnTheSameStoreUsesTheRunningBroker() throws Exception {
        EmbeddedAdapters.start(first, store());

        EmbeddedAdapters.start(second, store());

        assertThat(second.nameServerAddress()).isEqualTo(first.nameServerAddress());
        assertThat(OpenFiles.under(store())).isNotEmpty().doesNotHaveDuplicates();
    }

    /** A definition's instance on WildFly: ra.xml's defaults (ports 10911 and 9876) for everything it does not name. */
    @Test
    void anInstanceThatNamesOnlyTheStoreTakesTheRunningBrokersSettings() throws Exception {
        EmbeddedAdapters.start(first, store());
        second.setStoreDir(store().toString());

        second.start(null);

        assertThat(second.nameServerAddress()).isEqualTo(first.nameServerAddress());
    }

    /** Every EMBEDDED property named, each with the running broker's value: the instances agree. */
    @Test
    void anInstanceThatNamesEverySettingAlikeUsesTheRunningBroker() throws Exception {
        EmbeddedAdapters.start(first, store());
        second.setBrokerAddress(first.getBrokerAddress());
        second.setFlushType(first.getFlushType());
        second.setTransactionTimeout(first.getTransactionTimeout());
        second.setTransactionCheckInterval(first.getTransactionCheckInterval());
        second.setAclConfigFile(first.getAclConfigFile());

        EmbeddedAdapters.start(second, store());

        assertThat(second.nameServerAddress()).isEqualTo(first.nameServerAddress());
    }

    @Test
    void theBrokerServesUntilTheLastInstanceStops() throws Exception {
        EmbeddedAdapters.start(first, store());
        EmbeddedAdapters.start(second, store());

        first.stop();

        try (RocketMqRoundTrip client = new RocketMqRoundTrip(second.nameServerAddress())) {
            SendResult sent = client.send(topic, "after the first stopped");
            assertThat(client.pullFromQueueOf(sent)).containsExactly("after the first stopped");
        }
        second.stop();
        assertThat(OpenFiles.under(store())).isEmpty();
    }

    @Test
    void anotherSettingForTheSameStoreIsRefusedAndTheRunningBrokerKeepsServing() throws Exception {
        EmbeddedAdapters.start(first, store());
        second.setFlushType("SYNC_FLUSH");

        assertThatThrownBy(() -> EmbeddedAdapters.start(second, store()))
                .isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageContaining("store " + store().toAbsolutePath())
                .hasMessageContaining("flushType = ASYNC_FLUSH")
                .hasMessageContaining("asks for flushType = SYNC_FLUSH");

        try (RocketMqRoundTrip client = new RocketMqRoundTrip(first.nameServerAddress())) {
            SendResult sent = client.send(topic, "still served");
            assertThat(client.pullFromQueueOf(sent)).containsExactly("still served");
        }
    }

    @Test
    void anotherStoreHasABrokerOfItsOwn() throws Exception {
        EmbeddedAdapters.start(first, store());

        EmbeddedAdapters.start(second, dir.resolve("other-store"));

        assertThat(second.nameServerAddress()).isNotEqualTo(first.nameServerAddress());
    }

    private Path store() {
        return dir.resolve("store");
    }
}
