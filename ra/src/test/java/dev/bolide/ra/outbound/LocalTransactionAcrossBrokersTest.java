package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.CrossBrokerCommit;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.ra.BolideResourceAdapter;
import dev.bolide.ra.PooledBootstrapContext;
import dev.bolide.ra.QueueContents;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.resource.spi.LocalTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's local transaction on a managed connection whose sends went to two brokers commits on
 * both or on neither, as a transacted session's does: broker-a (first by name) keeps the decision,
 * and broker-b, prepared naming it, asks it when the commit does not reach it. A commit that stops
 * half-way is simulated in the client's JVM, at the phases {@link CrossBrokerCommit#phaseReached} tells.
 */
class LocalTransactionAcrossBrokersTest {
    private static final String ON_A = "LocalCrossA";
    private static final String ON_B = "LocalCrossB";
    /** A branch prepared this long is settled by asking its coordinator, every 200 ms. */
    private static final TransactionSettings SHORT = new TransactionSettings(Duration.ofSeconds(2),
            Duration.ofMillis(200), 15);
    private static final Duration SETTLED = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private LoopbackBroker brokerA;
    private LoopbackBroker brokerB;
    private PooledBootstrapContext server;
    private BolideResourceAdapter adapter;
    private BolideManagedConnection managed;
    private Connection outside;
    private RocketMqClient reader;

    @BeforeEach
    void start() throws Exception {
        brokerA = LoopbackBroker.builder(dir, "broker-a").transactions(SHORT).start();
        brokerB = LoopbackBroker.builder(dir, "broker-b").transactions(SHORT).registeredWith(brokerA).start();
        brokerA.createTopic(ON_A, 1);
        brokerB.createTopic(ON_B, 1);
        reader = new RocketMqClient(ClientSettings.of(brokerA.nameServer()).withRequestTimeout(Duration.ofSeconds(15)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::routed);
        server = new PooledBootstrapContext();
        adapter = new BolideResourceAdapter();
        adapter.setMode("REMOTE");
        adapter.setNamesrvAddr(brokerA.nameServer());
        adapter.start(server);
        BolideManagedConnectionFactory factory = new BolideManagedConnectionFactory();
        factory.setResourceAdapter(adapter);
        // shared machines: a slow answer must not fail the commit
        factory.setRequestTimeout(15_000L);
        managed = (BolideManagedConnection) factory.createManagedConnection(null, ConnectionRequest.DEFAULT);
        outside = new BolideConnectionFactory(brokerA.nameServer()).createConnection();
    }

    @AfterEach
    void stop() throws Exception {
        CrossBrokerCommit.phaseReached = phase -> { };
        outside.close();
        managed.destroy();
        adapter.stop();
        server.close();
        reader.close();
        brokerB.close();
        brokerA.close();
    }

    @Test
    void aCommitIsDecidedByTheFirstBrokerAndMakesTheSendsVisibleOnBoth() throws Exception {
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        sendToBoth();
        assertThat(delivered()).isEmpty();

        transaction.commit();

        Awaitility.await().atMost(SETTLED).until(() -> delivered().size() == 2);
        assertThat(delivered()).containsExactly("a", "b");
        assertThat(decisionsTakenByBrokerA()).hasSize(1);
        // broker-b tells broker-a it applied the decision, which broker-a then forgets
        Awaitility.await().atMost(SETTLED).until(() -> decisionsKeptByBrokerA().isEmpty());
    }

    @Test
    void aCommitThatDoesNotReachTheSecondBrokerAfterTheDecisionIsCommittedThereWithoutTheClient() throws Exception {
        List<CrossBrokerCommit.Phase> reached = new CopyOnWriteArrayList<>();
        CrossBrokerCommit.phaseReached = phase -> {
            reached.add(phase);
            if (phase == CrossBrokerCommit.Phase.DECIDED) {
                stopQuietly(brokerB);
            }
        };
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        sendToBoth();

        transaction.commit();
        assertThat(reached).containsExactly(CrossBrokerCommit.Phase.PREPARED, CrossBrokerCommit.Phase.DECIDED);
        brokerB.start();

        Awaitility.await().atMost(SETTLED).ignoreExceptions().until(() -> delivered().size() == 2);
        assertThat(delivered()).containsExactly("a", "b");
        assertThat(reader.branches().recoverBranches("broker-b")).isEmpty();
    }

    @Test
    void aCommitCutBeforeTheDecisionIsRolledBackOnBothBrokersWithoutTheClient() throws Exception {
        IllegalStateException cut = new IllegalStateException("the client stops between the prepare and the decision");
        CrossBrokerCommit.phaseReached = phase -> {
            if (phase == CrossBrokerCommit.Phase.PREPARED) {
                throw cut;
            }
        };
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        sendToBoth();

        assertThatThrownBy(transaction::commit).isSameAs(cut);
        assertThat(reader.branches().recoverBranches("broker-b")).hasSize(1);

        // broker-b asks broker-a, which has no decision and rolls its own open branch back
        Awaitility.await().atMost(SETTLED).until(() -> reader.branches().recoverBranches("broker-b").isEmpty());
        assertThat(QueueContents.afterALaterSend(outside, ON_A)).containsExactly(QueueContents.LATER);
        assertThat(QueueContents.afterALaterSend(outside, ON_B)).containsExactly(QueueContents.LATER);
    }

    @Test
    void aRollbackLeavesNothingOnEitherBroker() throws Exception {
        LocalTransaction transaction = managed.getLocalTransaction();
        transaction.begin();
        sendToBoth();

        transaction.rollback();

        assertThat(QueueContents.afterALaterSend(outside, ON_A)).containsExactly(QueueContents.LATER);
        assertThat(QueueContents.afterALaterSend(outside, ON_B)).containsExactly(QueueContents.LATER);
    }

    /** Sends "a" to broker-a's queue and "b" to broker-b's through the managed connection. */
    private void sendToBoth() throws Exception {
        Connection connection = (Connection) managed.getConnection(null, ConnectionRequest.DEFAULT);
        Session session = connection.createSession();
        try (MessageProducer producer = session.createProducer(null)) {
            producer.send(session.createQueue(ON_A), session.createTextMessage("a"));
            producer.send(session.createQueue(ON_B), session.createTextMessage("b"));
        }
        session.close();
    }

    private boolean routed() {
        try {
            return reader.readQueues(ON_A).size() == 1 && reader.readQueues(ON_B).size() == 1;
        } catch (RocketMqException notYet) {
            return false;
        }
    }

    /** The texts delivered on both brokers, broker-a's first. */
    private List<String> delivered() throws JMSException {
        List<String> texts = new ArrayList<>(QueueContents.browse(outside, ON_A));
        texts.addAll(QueueContents.browse(outside, ON_B));
        return texts;
    }

    /** The adapter's local transactions whose commit decision broker-a wrote to its cross-broker journal. */
    private List<String> decisionsTakenByBrokerA() throws IOException {
        return journalOfBrokerA().stream().filter(line -> line.startsWith("D ")).map(line -> line.split(" ")[1])
                .filter(branch -> BranchId.parse(branch).getFormatId() == BranchId.ADAPTER_LOCAL_FORMAT_ID)
                .toList();
    }

    /** The decisions broker-a keeps: each ends once its one participant said it applied it ("A branch participant"). */
    private Set<String> decisionsKeptByBrokerA() throws IOException {
        Set<String> open = new HashSet<>();
        for (String line : journalOfBrokerA()) {
            String[] fields = line.split(" ");
            if ("D".equals(fields[0])) {
                open.add(fields[1]);
            } else if ("A".equals(fields[0])) {
                open.remove(fields[1]);
            }
        }
        return open;
    }

    private List<String> journalOfBrokerA() throws IOException {
        Path journal = dir.resolve("broker-a").resolve("config").resolve("crossBrokerTransactions.log");
        return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
    }

    private static void stopQuietly(LoopbackBroker broker) {
        try {
            broker.stop();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
