package dev.bolide.bench.jms;

import dev.bolide.bench.load.BenchLayout;
import dev.bolide.bench.load.BolideBrokerProcess;
import dev.bolide.bench.load.BrokerProcess;
import dev.bolide.bench.load.BrokerSetup;
import dev.bolide.bench.load.ScratchDirectory;
import dev.bolide.client.jms.BolideConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.apache.activemq.artemis.utils.VersionLoader;

/**
 * Main-Class of {@code jms-harness.jar}: the same Jakarta Messaging workload against Bolide and
 * against ActiveMQ Artemis, one broker after the other, each a fresh child JVM with the same heap,
 * both syncing every persistent send and commit to disk; the table goes to stdout and to
 * {@code bench/target/jms-results.txt}. Never a test: it takes minutes and wants a quiet machine.
 */
public final class JmsHarness {
    private JmsHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(JmsHarnessOptions.USAGE);
            return;
        }
        JmsHarnessOptions options;
        try {
            options = JmsHarnessOptions.parse(args, BenchLayout.ofThisBuild());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(JmsHarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        ScratchDirectory scratch = ScratchDirectory.create(options.scratchParent(), "run-");
        String table;
        try {
            table = run(options, scratch.path());
        } finally {
            scratch.delete();
        }
        System.out.println();
        System.out.print(table);
        Files.createDirectories(options.results().getParent());
        Files.writeString(options.results(), table);
        System.out.println("written to " + options.results());
        // Narayana's recovery threads are not daemons; the run is over
        System.exit(0);
    }

    private static String run(JmsHarnessOptions options, Path scratch) throws Exception {
        BrokerSetup setup = new BrokerSetup(options.heap(), "SYNC_FLUSH", scratch);
        // outside the run's directory, which Narayana's threads would write into while it is deleted;
        // a previous run's log has nothing to recover: its brokers and database are gone
        Path objectStore = options.scratchParent().resolve("narayana");
        ScratchDirectory.deleteTree(objectStore);
        JmsWorkload workload = new JmsWorkload(options, XaTransactions.manager(objectStore));
        Figures bolide = options.runs("bolide") ? measure(BolideBrokerProcess.start(setup, options.bolideJar()),
                address -> new JmsTarget("Bolide", new BolideConnectionFactory(address), null), workload, scratch)
                : Figures.unavailable("not run");
        Figures artemis = options.runs("artemis") ? measureArtemis(setup, workload, scratch)
                : Figures.unavailable("not run");
        String heading = String.format("Bolide vs ActiveMQ Artemis %s (embedded, NIO journal, sync on send and"
                + " commit), Jakarta Messaging workload (%s; %d cores; %s)",
                VersionLoader.getVersion().getFullVersion(), options, Runtime.getRuntime().availableProcessors(),
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        return JmsReport.render(heading, bolide, artemis);
    }

    private static Figures measureArtemis(BrokerSetup setup, JmsWorkload workload, Path scratch) throws Exception {
        try (ActiveMQXAConnectionFactory factory = new ActiveMQXAConnectionFactory()) {
            return measure(ArtemisBrokerProcess.start(setup), address -> {
                factory.setBrokerURL(address);
                return new JmsTarget("Artemis", factory, factory);
            }, workload, scratch);
        }
    }

    /** Runs the workload against {@code broker}, reached through the target made from its address, then stops it. */
    private static Figures measure(BrokerProcess broker, JmsTargetOfAddress target, JmsWorkload workload, Path scratch)
            throws Exception {
        try (broker) {
            System.out.println(broker.name() + ": started, " + broker.clientAddress());
            return workload.measure(target.of(broker.clientAddress()), scratch);
        }
    }

    /** How the workload reaches a broker at a given address. */
    @FunctionalInterface
    private interface JmsTargetOfAddress {
        JmsTarget of(String address) throws Exception;
    }
}
