package dev.bolide.client.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.RollbackException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two-phase commit by Narayana of a Bolide branch and an H2 XA connection. */
class NarayanaXaTest {
    @TempDir
    static Path dir;
    private static XaCluster cluster;
    private static TransactionManager transactions;
    private static OrdersTable orders;
    private final List<XAConnection> connections = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cluster = new XaCluster(dir);
        transactions = Narayana.transactionManager(Path.of("target", "narayana", "NarayanaXaTest"));
        orders = new OrdersTable("jdbc:h2:mem:narayana-xa;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void newTopic() {
        cluster.newTopic();
    }

    @AfterEach
    void closeConnections() throws SQLException {
        for (XAConnection connection : connections) {
            connection.close();
        }
        cluster.closeClients();
    }

    /** Begins a transaction that sends {@code order} through Bolide and inserts it into H2. */
    private Transaction sendAndInsert(String order) throws Exception {
        transactions.begin();
        Transaction transaction = transactions.getTransaction();
        BolideXAResource bolide = cluster.newResource();
        transaction.enlistResource(bolide);
        bolide.sendInBranch(cluster.message(order), null);
        XAConnection h2 = orders.xaConnection();
        connections.add(h2);
        transaction.enlistResource(h2.getXAResource());
        OrdersTable.insert(h2, order);
        return transaction;
    }

    @Test
    void aCommitDeliversTheMessageAndKeepsTheRow() throws Exception {
        sendAndInsert("order-1");

        transactions.commit();

        assertThat(orders.contains("order-1")).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cluster.delivered().contains("order-1"));
        assertThat(cluster.delivered()).containsExactly("order-1");
    }

    @Test
    void aRollbackDiscardsBothTheMessageAndTheRow() throws Exception {
        sendAndInsert("order-2");

        transactions.rollback();

        assertThat(orders.contains("order-2")).isFalse();
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
    }

    @Test
    void aTransactionMarkedRollbackOnlyDeliversNothing() throws Exception {
        sendAndInsert("order-3");
        transactions.setRollbackOnly();

        assertThatThrownBy(transactions::commit).isInstanceOf(RollbackException.class);

        assertThat(orders.contains("order-3")).isFalse();
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
    }

    @Test
    void anotherResourceFailingItsPrepareRollsTheBolideBranchBack() throws Exception {
        Transaction transaction = sendAndInsert("order-4");
        transaction.enlistResource(new RefusingPrepare());

        assertThatThrownBy(transactions::commit).isInstanceOf(RollbackException.class);

        assertThat(orders.contains("order-4")).isFalse();
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
        assertThat(cluster.newResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).isEmpty();
    }

    /** A resource whose prepare votes rollback: a fault a real second resource cannot be made to show on demand. */
    private static final class RefusingPrepare extends IdleXAResource {
        @Override
        public int prepare(Xid xid) throws XAException {
            throw new XAException(XAException.XA_RBINTEGRITY);
        }
    }
}
