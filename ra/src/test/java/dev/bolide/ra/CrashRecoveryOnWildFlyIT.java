package dev.bolide.ra;

import static dev.bolide.testsupport.FreePorts.freeBrokerPort;
import static dev.bolide.testsupport.FreePorts.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.crash.BlockingResource;
import dev.bolide.ra.crash.HangingPayment;
import dev.bolide.ra.crash.NarayanaRecoveryListener;
import dev.bolide.ra.crash.delivery.HangingOrdersBean;
import jakarta.jms.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * WildFly killed (SIGKILL) while a container transaction that received and sent Bolide messages
 * hangs in its two-phase commit, then started again on the same server directory: Narayana's
 * recovery decides the Bolide branch through a pool of the adapter (src/main/wildfly/bolide-ra.cli
 * gives it recovery credentials; the adapter's XA resource lists every branch the broker holds
 * prepared, the message-driven bean's delivery branch too). The WildFly counterpart of
 * {@link CrashRecoveryOnPayaraIT}, with the same archive and the same checks before the kill (the
 * Bolide branch prepared, nothing sent visible): killed between prepare and commit, recovery commits
 * (the message delivered exactly once, the received one not again), also through the {@code REMOTE}
 * activation on a broker process of its own ({@link RemoteBroker}); killed after the Bolide branch's
 * prepare but before Narayana's decision, recovery rolls back (presumed abort: nothing sent visible,
 * the received message delivered again once), for a request's transaction and for a message-driven
 * bean's delivery. Without ManagedXAResource the committed branch stayed prepared: IronJacamar destroys
 * its recovery connection after the scan, and Narayana's commit on the resource it returned failed
 * with "remoting client closed".
 *
 * <p>The server directory is configured once for the class as the build configures Arquillian's
 * (src/it/wildfly/configure-server, which also turns Narayana's recovery listener on and gives the
 * {@code REMOTE} pool recovery credentials), then copied for each test; the server runs as a plain
 * process ({@code bin/standalone.sh}) because Arquillian's container cannot be killed and restarted on
 * the same directory. Narayana's recovery is periodic (every two minutes, the first pass at start,
 * possibly before the adapter is deployed): the test asks for passes itself, with {@code SCAN} on the
 * recovery listener, until what it waits for holds.
 */
class CrashRecoveryOnWildFlyIT {
    private static final Path IT_DIRECTORY = Path.of(System.getProperty("it.directory"));
    private static final Path WILDFLY_HOME = Path.of(System.getProperty("wildfly.home"));
    /** Where the class keeps its configured server directory and each test its own copy. */
    private static final Path CRASH_DIRECTORY = IT_DIRECTORY.resolve("wildfly-crash");
    private static final Path CONFIGURED = CRASH_DIRECTORY.resolve("configured");
    /** Away from Arquillian's WildFly (offset 21000), which may still run: HTTP 30080, recovery listener 26712. */
    private static final int PORT_OFFSET = 22000;
    private static final int HTTP_PORT = 8080 + PORT_OFFSET;
    private static final int RECOVERY_PORT = 4712 + PORT_OFFSET;
    /** The pool of the tests' {@code REMOTE} activation (src/it/wildfly/configure.cli). */
    private static final String REMOTE_FACTORY = "java:/jms/bolide/remote/ConnectionFactory";
    private static final String TEXT = "paid";
    private static final String ORDER = "order";
    /** What the bean's second delivery, after the restart, receives. */
    private static final String SECOND_ORDER = "second order";
    private static final Duration CONFIGURE_PATIENCE = Duration.ofMinutes(5);
    private static final Duration RECOVERY_PATIENCE = Duration.ofMinutes(3);

    private Path base;
    private Path logs;
    private Path marker;
    private int brokerPort;
    private int nameServerPort;
    private String nameServer;

    /**
     * Configures the server directory every test copies, and starts the remote broker: the
     * {@code REMOTE} pool's recovery asks it in every recovery pass.
     */
    @BeforeAll
    static void configureServerDirectory() throws Exception {
        HangingTransaction.emptyDirectory(CRASH_DIRECTORY);
        ProcessBuilder configure = new ProcessBuilder(Path.of("src/it/wildfly/configure-server").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(CRASH_DIRECTORY.resolve("configure.log").toFile());
        configure.environment().putAll(Map.of("WILDFLY_HOME", WILDFLY_HOME.toString(),
                "WILDFLY_BASE", CONFIGURED.toString(), "BOLIDE_RAR", IT_DIRECTORY.resolveSibling("bolide-ra.rar").toString(),
                "BOLIDE_CLI", Path.of("src/main/wildfly/bolide-ra.cli").toAbsolutePath().toString(),
                "JAVA_HOME", System.getProperty("java.home")));
        Process process = configure.start();
        assertTrue(process.waitFor(CONFIGURE_PATIENCE.toSeconds(), TimeUnit.SECONDS), "configure-server hangs");
        assertEquals(0, process.exitValue(), "configure-server failed, see " + CRASH_DIRECTORY.resolve("configure.log"));
        RemoteBroker.ensureRunning();
        // answered once, patiently: a broker just started on loaded cores once let the first send time out
        HangingTransaction.preparedBranches(RemoteBroker.nameServer());
    }

    /** A copy of the configured server directory, and fresh ports for its embedded broker. */
    @BeforeEach
    void copyServerDirectory(TestInfo test) throws IOException {
        Path directory = CRASH_DIRECTORY.resolve(test.getTestMethod().orElseThrow().getName());
        base = directory.resolve("server");
        logs = directory.resolve("logs");
        marker = logs.resolve("transaction-hung");
        HangingTransaction.emptyDirectory(directory);
        Files.createDirectories(logs);
        copy(CONFIGURED, base);
        // its HA and VIP ports beside it free too: once another build's socket sat on port + 1
        brokerPort = freeBrokerPort();
        nameServerPort = freePort();
        nameServer = "127.0.0.1:" + nameServerPort;
    }

    @Test
    void aBranchPreparedWhenTheServerWasKilledIsCommittedOnceWithItsReceiveByRecoveryAfterTheRestart() throws Exception {
        killBetweenPrepareAndCommitThenRestart(PoolSender.FACTORY, nameServer);
    }

    /** The same through the pool of the {@code REMOTE} activation, whose broker outlives WildFly. */
    @Test
    void aBranchPreparedThroughTheRemotePoolIsCommittedOnceByRecoveryAfterTheRestart() throws Exception {
        killBetweenPrepareAndCommitThenRestart(REMOTE_FACTORY, RemoteBroker.nameServer());
    }

    /**
     * The payment hangs in prepare, after the Bolide branch: Narayana logged no decision, so its
     * recovery rolls the branch back (presumed abort): the sent message is never visible and the
     * received one is delivered again.
     */
    @Test
    void aBranchPreparedWithoutACommitDecisionIsRolledBackByRecoveryAfterTheRestart() throws Exception {
        String queue = "Payments" + System.nanoTime();
        String input = "Orders" + System.nanoTime();
        HangingTransaction.exportArchive(deployed());
        startThenKillWhenHung(PoolSender.FACTORY, nameServer, 1, first -> {
                    HangingTransaction.send(nameServer, input, ORDER);
                    HangingTransaction.awaitMarker(marker, first,
                            HangingTransaction.payHangingInPrepare(HTTP_PORT, input, queue, TEXT));
                }, queue);

        try (ServerProcess restarted = start(PoolSender.FACTORY, "restarted.log")) {
            recoverUntil(() -> HangingTransaction.preparedBranches(nameServer).isEmpty(), "no branch prepared",
                    restarted);

            HangingTransaction.assertRolledBack(nameServer, queue, input, ORDER);
        }
    }

    /**
     * A message-driven bean's container-transacted delivery (which sends through the pool) hangs in
     * prepare, after the delivery's Bolide branch: recovery rolls it back, the message is delivered
     * again after the restart and processed once; the first attempt's send is never visible.
     */
    @Test
    void aDeliveryKilledAfterItsPrepareIsProcessedOnceAfterTheRestart() throws Exception {
        HangingTransaction.exportArchive(deployed(), HangingOrdersBean.class, "wildfly/jboss-ejb3.xml",
                "jboss-ejb3.xml");
        // two branches: Narayana keeps the delivery's and the pool's connection apart (Payara joins them)
        startThenKillWhenHung(PoolSender.FACTORY, nameServer, 2, first -> {
            HangingTransaction.send(nameServer, HangingOrdersBean.ORDERS, ORDER);
            HangingTransaction.awaitMarker(marker, first);
        }, HangingOrdersBean.PROCESSED);

        try (ServerProcess restarted = start(PoolSender.FACTORY, "restarted.log");
                Connection outside = new BolideConnectionFactory(nameServer).createConnection()) {
            String processed = HangingOrdersBean.processed(ORDER);
            recoverUntil(() -> QueueContents.browse(outside, HangingOrdersBean.PROCESSED).contains(processed),
                    processed, restarted);
            HangingTransaction.send(nameServer, HangingOrdersBean.ORDERS, SECOND_ORDER);
            List<String> all = QueueContents.awaitText(outside, HangingOrdersBean.PROCESSED,
                    HangingOrdersBean.processed(SECOND_ORDER));

            assertEquals(List.of(processed, HangingOrdersBean.processed(SECOND_ORDER)), all.stream().sorted().toList());
            assertEquals(List.of(), HangingTransaction.preparedBranches(nameServer), "recovery left a branch prepared");
        }
    }

    /** What the first server does until its transaction hangs. */
    @FunctionalInterface
    private interface Hanging {
        void start(ServerProcess first) throws Exception;
    }

    /** A condition recovery is to bring about. */
    @FunctionalInterface
    private interface Recovered {
        boolean holds() throws Exception;
    }

    /**
     * Starts the server (with the archive {@link #deployed()}), its transactions going through
     * {@code factory}; has {@code hanging} hang a transaction, checks that its {@code branches}
     * Bolide branches are prepared on the broker of {@code brokerNameServer} and that nothing it sent
     * to {@code output} is visible, and kills the server.
     */
    private void startThenKillWhenHung(String factory, String brokerNameServer, int branches, Hanging hanging,
            String output) throws Exception {
        try (ServerProcess first = start(factory, "first.log")) {
            hanging.start(first);

            assertEquals(branches, HangingTransaction.preparedBranches(brokerNameServer).size(),
                    "the Bolide branches prepared while the transaction hangs");
            assertEquals(List.of(), HangingTransaction.browse(brokerNameServer, output),
                    "a message is visible before the Bolide branch was decided");
            first.kill();
        }
    }

    /**
     * Has the payment go through {@code factory} (its broker's name server {@code brokerNameServer})
     * and hang in commit, kills the server, starts it again and checks what its recovery did.
     */
    private void killBetweenPrepareAndCommitThenRestart(String factory, String brokerNameServer) throws Exception {
        String queue = "Payments" + System.nanoTime();
        String input = "Orders" + System.nanoTime();
        HangingTransaction.exportArchive(deployed());
        startThenKillWhenHung(factory, brokerNameServer, 1, first -> {
                    HangingTransaction.send(brokerNameServer, input, ORDER);
                    HangingTransaction.awaitMarker(marker, first, HangingTransaction.pay(HTTP_PORT, input, queue, TEXT));
                }, queue);

        try (ServerProcess restarted = start(factory, "restarted.log")) {
            recoverUntil(() -> HangingTransaction.browse(brokerNameServer, queue).contains(TEXT), TEXT, restarted);

            assertEquals(List.of(TEXT), HangingTransaction.browse(brokerNameServer, queue));
            assertEquals(List.of(), HangingTransaction.preparedBranches(brokerNameServer),
                    "recovery left the branch prepared");
            assertEquals(List.of(), HangingTransaction.deliveredUpToALaterSend(brokerNameServer, input),
                    "the message received in the committed branch is delivered again");
        }
    }

    /**
     * WildFly ({@code standalone-full.xml}) on the test's server directory, which keeps the adapter's
     * configuration, the deployments, Narayana's object store and the embedded broker's store (the
     * default one, under its data directory) from one start to the next; its transactions go through
     * {@code factory}.
     */
    private ServerProcess start(String factory, String log) throws IOException, InterruptedException {
        ProcessBuilder server = new ProcessBuilder(WILDFLY_HOME.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET, "-Dbolide.it.brokerPort=" + brokerPort,
                "-Dbolide.it.nameServerPort=" + nameServerPort,
                "-Dbolide.it.remoteNameServerPort=" + System.getProperty("bolide.it.remoteNameServerPort"),
                "-D" + BlockingResource.MARKER_PROPERTY + "=" + marker,
                "-D" + HangingPayment.FACTORY_PROPERTY + "=" + factory);
        server.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // WFLYSRV0025: started; WFLYSRV0026: started with errors (a deployment failed)
        return ServerProcess.start(server, logs.resolve(log), "WFLYSRV0025", "WFLYSRV0026");
    }

    /** Asks Narayana for a recovery pass until {@code recovered} holds ({@code what}: what it waits for). */
    private static void recoverUntil(Recovered recovered, String what, ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + RECOVERY_PATIENCE.toNanos();
        while (!recovered.holds()) {
            assertTrue(System.nanoTime() < deadline,
                    "recovery did not bring '" + what + "' within " + RECOVERY_PATIENCE + ":\n" + server.log());
            new NarayanaRecoveryListener(RECOVERY_PORT).scan();
        }
    }

    /** Where the test puts the crash archive for WildFly's deployment scanner. */
    private Path deployed() {
        return base.resolve("deployments").resolve("crash.war");
    }

    /** {@code from}'s tree copied to {@code to}, which must not exist. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }
}
