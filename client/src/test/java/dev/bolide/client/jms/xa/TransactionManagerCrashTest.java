package dev.bolide.client.jms.xa;

import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM holding a transaction that Bolide and H2 prepared and nobody committed is killed with
 * {@code kill -9}; Narayana's recovery in a new JVM commits it.
 */
class TransactionManagerCrashTest {
    private static final String ORDER = "order-kill-9";

    @TempDir
    Path dir;
    private XaCluster cluster;
    private String database;
    private OrdersTable orders;

    @BeforeEach
    void start() throws Exception {
        cluster = new XaCluster(dir);
        cluster.newTopic();
        // FILE_LOCK=FS: the operating system releases the lock of a killed JVM at once
        database = "jdbc:h2:file:" + dir.resolve("orders").toAbsolutePath() + ";FILE_LOCK=FS";
        orders = new OrdersTable(database);
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    @Test
    void aTransactionPreparedByAKilledJvmIsCommittedOnceByRecovery() throws Exception {
        Path objectStore = Path.of("target", "narayana", "TransactionManagerCrashTest-" + System.nanoTime());
        try (ChildJvm holder = ChildJvm.start(dir, PreparedTransactionHolder.class, objectStore.toString(),
                cluster.nameServer(), cluster.topic(), database, ORDER)) {
            holder.awaitOutput(PreparedTransactionHolder.PREPARED);
            holder.killNine();
        }
        assertThat(cluster.newResource().recover(TMSTARTRSCAN | TMENDRSCAN)).hasSize(1);
        assertThat(cluster.deliveredUpToMarker()).isEmpty();

        try (ChildJvm recovery = ChildJvm.start(dir, RecoveryRun.class, objectStore.toString(), cluster.nameServer(),
                database)) {
            recovery.awaitSuccess();
        }

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cluster.delivered().contains(ORDER));
        assertThat(cluster.deliveredUpToMarker()).containsExactly(ORDER);
        assertThat(orders.contains(ORDER)).isTrue();
        assertThat(cluster.newResource().recover(TMSTARTRSCAN | TMENDRSCAN)).isEmpty();
    }
}
