package dev.bolide.ra;

import static dev.bolide.testsupport.FreePorts.freeBrokerPort;
import static dev.bolide.testsupport.FreePorts.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bolide.ra.crash.BlockingResource;
import dev.bolide.ra.crash.HangingPayment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * WildFly killed (SIGKILL) between the prepare and the commit of a container transaction that sent a
 * Bolide message through the XA pool of src/main/wildfly/bolide-ra.cli, then started again on the same
 * server directory: Narayana's recovery commits the Bolide branch, through a managed connection of
 * the pool (which the script gives recovery credentials), and the message is delivered exactly once;
 * the message the transaction received is not delivered again.
 * The WildFly counterpart of {@link CrashRecoveryOnPayaraIT}, with the same archive and the same
 * checks before the kill (the Bolide branch prepared, the queue empty). Without ManagedXAResource the
 * branch stayed prepared: IronJacamar destroys its recovery connection after the scan, and Narayana's
 * commit on the resource it returned failed with "remoting client closed".
 *
 * <p>The server directory is configured as the build configures Arquillian's
 * (src/it/wildfly/configure-server, which also turns Narayana's recovery listener on); the server runs
 * as a plain process ({@code bin/standalone.sh}) because Arquillian's container cannot be killed and
 * restarted on the same directory. Narayana's recovery is periodic (every two minutes, the first pass
 * at start, possibly before the adapter is deployed): the test asks for passes itself, with
 * {@code SCAN} on the recovery listener, until the message is there.
 */
class CrashRecoveryOnWildFlyIT {
    private static final Path IT_DIRECTORY = Path.of(System.getProperty("it.directory"));
    private static final Path WILDFLY_HOME = Path.of(System.getProperty("wildfly.home"));
    /** Away from Arquillian's WildFly (offset 21000), which may still run: HTTP 30080, recovery listener 26712. */
    private static final int PORT_OFFSET = 22000;
    private static final int HTTP_PORT = 8080 + PORT_OFFSET;
    private static final int RECOVERY_PORT = 4712 + PORT_OFFSET;
    private static final String TEXT = "paid";
    private static final String ORDER = "order";
    private static final Duration CONFIGURE_PATIENCE = Duration.ofMinutes(5);
    private static final Duration RECOVERY_PATIENCE = Duration.ofMinutes(3);

    private final Path base = IT_DIRECTORY.resolve("wildfly-crash");
    private final Path logs = IT_DIRECTORY.resolve("wildfly-crash-logs");
    private final Path marker = logs.resolve("commit-blocked");

    @Test
    void aBranchPreparedWhenTheServerWasKilledIsCommittedOnceWithItsReceiveByRecoveryAfterTheRestart() throws Exception {
        configureServerDirectory();
        HangingTransaction.exportArchive(base.resolve("deployments").resolve("crash.war"));
        // its HA and VIP ports beside it free too: once another build's socket sat on port + 1
        int brokerPort = freeBrokerPort();
        int nameServerPort = freePort();
        String nameServer = "127.0.0.1:" + nameServerPort;
        String queue = "Payments" + System.nanoTime();
        String input = "Orders" + System.nanoTime();

        try (ServerProcess first = start(brokerPort, nameServerPort, "first.log")) {
            HangingTransaction.send(nameServer, input, ORDER);
            HangingTransaction.awaitMarker(marker, first, HangingTransaction.pay(HTTP_PORT, input, queue, TEXT));

            assertEquals(1, HangingTransaction.preparedBranches(nameServer).size(),
                    "the Bolide branch is not prepared while the commit hangs");
            assertEquals(List.of(), HangingTransaction.browse(nameServer, queue),
                    "the message is visible before the Bolide branch was committed");
            first.kill();
        }
        try (ServerProcess restarted = start(brokerPort, nameServerPort, "restarted.log")) {
            List<String> delivered = recoveredContents(nameServer, queue, restarted);

            assertEquals(List.of(TEXT), delivered);
            assertEquals(List.of(), HangingTransaction.preparedBranches(nameServer), "recovery left the branch prepared");
            assertEquals(List.of(), HangingTransaction.deliveredUpToALaterSend(nameServer, input),
                    "the message received in the committed branch is delivered again");
        }
    }

    /** A fresh copy of WildFly's standalone directory with the adapter and the pool of the repository's script. */
    private void configureServerDirectory() throws IOException, InterruptedException {
        HangingTransaction.emptyDirectory(logs);
        ProcessBuilder configure = new ProcessBuilder(Path.of("src/it/wildfly/configure-server").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve("configure.log").toFile());
        configure.environment().putAll(Map.of("WILDFLY_HOME", WILDFLY_HOME.toString(),
                "WILDFLY_BASE", base.toString(), "BOLIDE_RAR", IT_DIRECTORY.resolveSibling("bolide-ra.rar").toString(),
                "BOLIDE_CLI", Path.of("src/main/wildfly/bolide-ra.cli").toAbsolutePath().toString(),
                "JAVA_HOME", System.getProperty("java.home")));
        Process process = configure.start();
        assertTrue(process.waitFor(CONFIGURE_PATIENCE.toSeconds(), TimeUnit.SECONDS), "configure-server hangs");
        assertEquals(0, process.exitValue(), "configure-server failed, see " + logs.resolve("configure.log"));
    }

    /**
     * WildFly ({@code standalone-full.xml}) on the test's server directory, which keeps the adapter's
     * configuration, the deployments, Narayana's object store and the embedded broker's store (the
     * default one, under its data directory) from one start to the next.
     */
    private ServerProcess start(int brokerPort, int nameServerPort, String log) throws IOException, InterruptedException {
        ProcessBuilder server = new ProcessBuilder(WILDFLY_HOME.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET, "-Dbolide.it.brokerPort=" + brokerPort,
                "-Dbolide.it.nameServerPort=" + nameServerPort,
                "-D" + BlockingResource.MARKER_PROPERTY + "=" + marker,
                "-D" + HangingPayment.FACTORY_PROPERTY + "=" + PoolSender.FACTORY);
        server.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // WFLYSRV0025: started; WFLYSRV0026: started with errors (a deployment failed)
        return ServerProcess.start(server, logs.resolve(log), "WFLYSRV0025", "WFLYSRV0026");
    }

    /** The queue's texts once it holds {@link #TEXT}, asking Narayana for a recovery pass before each look. */
    private static List<String> recoveredContents(String nameServer, String queue, ServerProcess server)
            throws Exception {
        long deadline = System.nanoTime() + RECOVERY_PATIENCE.toNanos();
        List<String> contents;
        while (!(contents = HangingTransaction.browse(nameServer, queue)).contains(TEXT)) {
            assertTrue(System.nanoTime() < deadline, "no recovery within " + RECOVERY_PATIENCE + ":\n" + server.log());
            scan();
        }
        return contents;
    }

    /** One full recovery pass of Narayana: it answers DONE when the pass has ended. */
    private static void scan() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RECOVERY_PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write("SCAN\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("DONE", answer, "Narayana's answer to SCAN");
        }
    }
}
