package dev.bolide.ra;

import static dev.bolide.testsupport.FreePorts.freeBrokerPort;
import static dev.bolide.testsupport.FreePorts.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.ra.crash.BlockingResource;
import dev.bolide.ra.crash.CommitBlockingResource;
import dev.bolide.ra.crash.HangingPayment;
import dev.bolide.ra.crash.delivery.HangingOrdersBean;
import dev.bolide.ra.crash.defined.DefinedFactory;
import jakarta.jms.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro killed (SIGKILL) between the prepare and the commit of a container transaction that
 * received a Bolide message and sent one through the adapter's XA pool, then started again on the
 * same root directory: its transaction recovery commits the Bolide branch, through a managed
 * connection of the pool; the sent message is delivered exactly once and the received one is not
 * delivered again (the branch's prepare named it to the broker, whose commit consumed it).
 *
 * <p>How the kill falls between prepare and the Bolide commit: the transaction also holds a
 * {@link CommitBlockingResource}, enlisted before the Bolide connection, which in its commit creates a
 * marker file and never returns. Payara's transaction manager prepares every resource, logs its
 * commit decision, then commits the resources one after another in the order they were enlisted.
 * The test does not rely on that order blindly: once the marker is there, a plain client's
 * {@code recover} (BRANCH_RECOVER) must list the prepared branch and the queue must still be empty,
 * which is only so if the Bolide branch was prepared and not committed; then the server is killed.
 *
 * <p>Payara recovers at start only with {@code automatic-recovery=true} in its transaction service
 * (the command file sets it; without it the branch stayed prepared after the restart), through the
 * XA pools of its configuration ({@value HangingPayment#FACTORY}, created by the command file, or one
 * of the archive's {@code glassfish-resources.xml}), never through one the application defines with
 * {@code @ConnectionFactoryDefinition} (its {@code ConnectorsRecoveryResourceHandler} does not look
 * at those: with an empty {@code glassfish-resources.xml} the second test's message was still missing
 * after {@link #RECOVERY_PATIENCE}). The
 * restart needs neither the command file nor {@code --deploy}: the root directory keeps Payara's
 * configuration, deployed applications and transaction log, and the broker's store.
 *
 * <p>The other way round, a transaction killed after the Bolide branch's prepare but before the
 * transaction manager's decision (a {@code PrepareBlockingResource} enlisted after the Bolide
 * connection, prepared after it): recovery rolls the branch back, for a request's transaction and for
 * a message-driven bean's delivery, whose message is then delivered again and processed once.
 */
class CrashRecoveryOnPayaraIT {
    private static final Path IT_DIRECTORY = Path.of(System.getProperty("it.directory"));
    /** The text the hanging transaction sends. */
    private static final String TEXT = "paid";
    /** The text the hanging transaction receives. */
    private static final String ORDER = "order";
    /** What the bean's second delivery, after the restart, receives. */
    private static final String SECOND_ORDER = "second order";
    /** Payara's recovery runs on a thread of its own, which may end after the server says it is ready. */
    private static final Duration RECOVERY_PATIENCE = Duration.ofMinutes(2);

    /** The server's XA pool of the adapter, {@value HangingPayment#FACTORY}, which Payara's recovery scans. */
    private static final List<String> SERVER_POOL = List.of(
            "create-connector-connection-pool --raname bolide-ra --connectiondefinition jakarta.jms.ConnectionFactory"
                    + " --transactionsupport XATransaction crash-pool",
            "create-connector-resource --poolname crash-pool " + HangingPayment.FACTORY);

    private final Path root = IT_DIRECTORY.resolve("crash");
    private final Path marker = root.resolve("transaction-hung");
    private String nameServer;

    @BeforeEach
    void emptyRootDirectory() throws IOException {
        HangingTransaction.emptyDirectory(root);
        Files.createDirectories(root.resolve("tmp"));
    }

    @Test
    void aBranchPreparedWhenTheServerWasKilledIsCommittedOnceWithItsReceiveByRecoveryAfterTheRestart() throws Exception {
        killBetweenPrepareAndCommitThenRestart(HangingTransaction.exportArchive(root.resolve("crash.war")),
                HangingPayment.FACTORY, SERVER_POOL);
    }

    /**
     * The branch is prepared through a pool the application defines ({@code @ConnectionFactoryDefinition}),
     * which Payara's recovery does not scan, and the server's configuration declares no pool: the
     * application's {@code glassfish-resources.xml} declares one it never uses, which recovery scans,
     * and whose recover lists the branch.
     */
    @Test
    void aBranchPreparedThroughAnApplicationDefinedPoolIsCommittedOnceThroughADeclaredPoolAfterTheRestart()
            throws Exception {
        Path war = HangingTransaction.exportArchive(root.resolve("crash.war"), DefinedFactory.class,
                "crash/glassfish-resources.xml", "glassfish-resources.xml");

        killBetweenPrepareAndCommitThenRestart(war, DefinedFactory.NAME, List.of());
    }

    /**
     * The payment hangs in prepare, after the Bolide branch: the transaction manager logged no
     * decision, so its recovery rolls the branch back (presumed abort): the sent message is never
     * visible and the received one is delivered again.
     */
    @Test
    void aBranchPreparedWithoutACommitDecisionIsRolledBackByRecoveryAfterTheRestart() throws Exception {
        String queue = "Payments" + System.nanoTime();
        String input = "Orders" + System.nanoTime();
        int httpPort = startThenKillWhenHung(HangingTransaction.exportArchive(root.resolve("crash.war")),
                HangingPayment.FACTORY, SERVER_POOL, (first, port) -> {
                    HangingTransaction.send(nameServer, input, ORDER);
                    HangingTransaction.awaitMarker(marker, first,
                            HangingTransaction.payHangingInPrepare(port, input, queue, TEXT));
                }, queue);

        try (ServerProcess restarted = start(httpPort, HangingPayment.FACTORY, "restarted.log")) {
            HangingTransaction.awaitNoPreparedBranch(nameServer, RECOVERY_PATIENCE);

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
        Path war = HangingTransaction.exportArchive(root.resolve("crash.war"), HangingOrdersBean.class);
        int httpPort = startThenKillWhenHung(war, HangingPayment.FACTORY, SERVER_POOL, (first, port) -> {
            HangingTransaction.send(nameServer, HangingOrdersBean.ORDERS, ORDER);
            HangingTransaction.awaitMarker(marker, first);
        }, HangingOrdersBean.PROCESSED);

        try (ServerProcess restarted = start(httpPort, HangingPayment.FACTORY, "restarted.log");
                Connection outside = new BolideConnectionFactory(nameServer).createConnection()) {
            QueueContents.awaitText(outside, HangingOrdersBean.PROCESSED, HangingOrdersBean.processed(ORDER),
                    RECOVERY_PATIENCE);
            HangingTransaction.send(nameServer, HangingOrdersBean.ORDERS, SECOND_ORDER);
            List<String> processed = QueueContents.awaitText(outside, HangingOrdersBean.PROCESSED,
                    HangingOrdersBean.processed(SECOND_ORDER));

            assertEquals(List.of(HangingOrdersBean.processed(ORDER), HangingOrdersBean.processed(SECOND_ORDER)),
                    processed.stream().sorted().toList());
            assertEquals(List.of(), HangingTransaction.preparedBranches(nameServer), "recovery left a branch prepared");
        }
    }

    /** What the first server does until its transaction hangs, given the server and its HTTP port. */
    @FunctionalInterface
    private interface Hanging {
        void start(ServerProcess first, int httpPort) throws Exception;
    }

    /**
     * Deploys {@code war} on a server whose configuration adds {@code poolCommands}, its transactions
     * going through {@code factory}; has {@code hanging} hang a transaction, checks that its Bolide
     * branch is prepared and that nothing it sent to {@code output} is visible, kills the server and
     * answers its HTTP port, for the restart.
     */
    private int startThenKillWhenHung(Path war, String factory, List<String> poolCommands, Hanging hanging,
            String output) throws Exception {
        int nameServerPort = freePort();
        nameServer = "127.0.0.1:" + nameServerPort;
        Path commands = writePostbootCommands(freeBrokerPort(), nameServerPort, poolCommands);
        int httpPort = freePort();
        try (ServerProcess first = start(httpPort, factory, "first.log", "--postbootcommandfile",
                commands.toString(), "--deploy", war.toString())) {
            hanging.start(first, httpPort);

            assertEquals(1, HangingTransaction.preparedBranches(nameServer).size(),
                    "the Bolide branch is not prepared while the transaction hangs");
            assertEquals(List.of(), HangingTransaction.browse(nameServer, output),
                    "a message is visible before the Bolide branch was decided");
            first.kill();
        }
        return httpPort;
    }

    /**
     * Deploys {@code war} on a server whose configuration adds {@code poolCommands}, has its payment
     * go through {@code factory} and hang in commit, kills the server, starts it again and checks what
     * its recovery did.
     */
    private void killBetweenPrepareAndCommitThenRestart(Path war, String factory, List<String> poolCommands)
            throws Exception {
        String queue = "Payments" + System.nanoTime();
        String input = "Orders" + System.nanoTime();
        int httpPort = startThenKillWhenHung(war, factory, poolCommands, (first, port) -> {
            HangingTransaction.send(nameServer, input, ORDER);
            HangingTransaction.awaitMarker(marker, first, HangingTransaction.pay(port, input, queue, TEXT));
        }, queue);

        try (ServerProcess restarted = start(httpPort, factory, "restarted.log")) {
            List<String> delivered;
            try (Connection outside = new BolideConnectionFactory(nameServer).createConnection()) {
                delivered = QueueContents.awaitText(outside, queue, TEXT, RECOVERY_PATIENCE);
            }

            assertEquals(List.of(TEXT), delivered);
            assertEquals(List.of(), HangingTransaction.preparedBranches(nameServer), "recovery left the branch prepared");
            assertEquals(List.of(), HangingTransaction.deliveredUpToALaterSend(nameServer, input),
                    "the message received in the committed branch is delivered again");
        }
    }

    private Path writePostbootCommands(int brokerPort, int nameServerPort, List<String> poolCommands)
            throws IOException {
        Path commands = root.resolve("postboot.txt");
        List<String> lines = new ArrayList<>(List.of(
                "set configs.config.server-config.transaction-service.automatic-recovery=true",
                "create-resource-adapter-config --property mode=EMBEDDED:brokerPort=" + brokerPort + ":nameServerPort="
                        + nameServerPort + ":storeDir=" + root.resolve("store") + ":mappedFileSizeCommitLog=8388608 bolide-ra",
                "deploy --name bolide-ra " + IT_DIRECTORY.resolveSibling("bolide-ra.rar")));
        lines.addAll(poolCommands);
        Files.write(commands, lines);
        return commands;
    }

    /**
     * Payara Micro on the test's root directory, its payment going through {@code factory}. Payara
     * keeps its configuration there (domain.xml with the adapter's settings, the pool, automatic
     * recovery and the deployed applications) and its transaction log: the restart needs no command
     * file and no {@code --deploy}.
     */
    private ServerProcess start(int httpPort, String factory, String log, String... moreOptions)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("--rootdir", root.resolve("payara").toString(),
                "--port", Integer.toString(httpPort)));
        options.addAll(List.of(moreOptions));
        return PayaraMicroProcess.start(IT_DIRECTORY.resolve("payara-micro.jar"),
                List.of("-Xmx512m", "-Djava.io.tmpdir=" + root.resolve("tmp"),
                        "-D" + BlockingResource.MARKER_PROPERTY + "=" + marker,
                        "-D" + HangingPayment.FACTORY_PROPERTY + "=" + factory),
                options, root.resolve(log));
    }
}
