package dev.bolide.bench.jms;

import dev.bolide.bench.load.BenchLayout;
import dev.bolide.bench.load.BolideBrokerProcess;
import dev.bolide.bench.load.BrokerProcess;
import dev.bolide.bench.load.BrokerSetup;
import dev.bolide.bench.load.LoadAverage;
import dev.bolide.bench.load.ScratchDirectory;
import dev.bolide.client.jms.BolideConnectionFactory;
import dev.bolide.client.jms.SendOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.apache.activemq.artemis.utils.VersionLoader;

/**
 * Main-Class of {@code jms-harness.jar}: the same Jakarta Messaging workload against Bolide and
 * against ActiveMQ Artemis (as shipped, and with its journal tuned for the disk), in alternating rounds, each broker a fresh child JVM with the same heap,
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
        String loadAverage = LoadAverage.read();
        BrokerSetup setup = new BrokerSetup(options.heap(), "SYNC_FLUSH", scratch);
        // outside the run's directory, which Narayana's threads would write into while it is deleted;
        // a previous run's log has nothing to recover: its brokers and database are gone
        Path objectStore = options.scratchParent().resolve("narayana");
        ScratchDirectory.deleteTree(objectStore);
        JmsWorkload workload = new JmsWorkload(options, XaTransactions.manager(objectStore));
        Map<String, List<Figures>> rounds = new LinkedHashMap<>();
        try (Contenders contenders = new Contenders()) {
            if (options.runs("bolide") || options.runs("bolide-spread")) {
                BrokerProcess broker = contenders.add(BolideBrokerProcess.start(setup, options.bolideJar(), false));
                if (options.runs("bolide")) {
                    contenders.target(bolide("Bolide", new BolideConnectionFactory(broker.clientAddress())));
                }
                if (options.runs("bolide-spread")) {
                    BolideConnectionFactory spreading = new BolideConnectionFactory(broker.clientAddress());
                    spreading.setSendOrder(SendOrder.SPREAD.name());
                    contenders.target(bolide("Bolide SPREAD", spreading));
                }
            }
            if (options.runs("artemis")) {
                contenders.artemis(ArtemisBrokerProcess.start(setup, "Artemis", OptionalLong.empty()));
            }
            if (options.runs("artemis-tuned")) {
                // measured where the brokers' data go, the disk the journal is on
                long timeout = options.artemisTuning().bufferTimeoutNanos(scratch);
                contenders.artemis(ArtemisBrokerProcess.start(setup, "Artemis timeout " + timeout + " ns",
                        OptionalLong.of(timeout)));
            }
            for (JmsTarget target : contenders.targets) {
                workload.warmUp(target, scratch);
                // the other lines' code changes the JIT's picture of the receive path (deoptimised in
                // both JVMs): an unmeasured round puts the first measured round where the later ones are
                System.out.println(target.name() + ": an unmeasured round");
                workload.measure(target, scratch.resolve("round-unmeasured"));
            }
            measureInTurns(options, workload, contenders.targets, scratch, rounds);
        }
        String heading = String.format("Bolide vs ActiveMQ Artemis %s (embedded, NIO journal, sync on send and"
                + " commit; as shipped, and with journal-buffer-timeout tuned), Jakarta Messaging workload (%s;"
                + " %d cores; load average at start %s; %s)", VersionLoader.getVersion().getFullVersion(), options,
                Runtime.getRuntime().availableProcessors(), loadAverage,
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        Map<String, Figures> medians = new LinkedHashMap<>();
        rounds.forEach((name, measured) -> medians.put(name, Figures.median(measured)));
        return JmsReport.render(LoadAverage.headed(heading, loadAverage, Runtime.getRuntime().availableProcessors()),
                medians);
    }

    /**
     * The brokers run side by side, idle while another is measured, and take turns round by round,
     * the order rotated from one round to the next: noise from the rest of the machine then falls on
     * all rather than on whichever ran during it, and the median drops a round that met a burst of it.
     */
    private static void measureInTurns(JmsHarnessOptions options, JmsWorkload workload, List<JmsTarget> targets,
            Path scratch, Map<String, List<Figures>> rounds) throws Exception {
        for (int round = 0; round < options.rounds(); round++) {
            List<JmsTarget> turns = new ArrayList<>(targets);
            Collections.rotate(turns, -round);
            for (JmsTarget target : turns) {
                System.out.println(target.name() + ": round " + (round + 1) + " of " + options.rounds());
                rounds.computeIfAbsent(target.name(), name -> new ArrayList<>())
                        .add(workload.measure(target, scratch.resolve("round-" + round)));
            }
        }
    }

    /** The brokers of the run and how the workload reaches each; closing stops the brokers. */
    private static final class Contenders implements AutoCloseable {
        private final List<BrokerProcess> brokers = new ArrayList<>();
        private final List<JmsTarget> targets = new ArrayList<>();
        private final List<ActiveMQXAConnectionFactory> artemisFactories = new ArrayList<>();

        BrokerProcess add(BrokerProcess broker) {
            brokers.add(broker);
            System.out.println(broker.name() + ": started, " + broker.clientAddress());
            return broker;
        }

        void target(JmsTarget target) {
            targets.add(target);
        }

        /** An Artemis broker, reached through a factory of its own, which is also its XA one. */
        void artemis(BrokerProcess broker) {
            add(broker);
            ActiveMQXAConnectionFactory factory = new ActiveMQXAConnectionFactory(broker.clientAddress());
            artemisFactories.add(factory);
            target(new JmsTarget(broker.name(), factory, factory));
        }

        @Override
        public void close() throws IOException {
            artemisFactories.forEach(ActiveMQXAConnectionFactory::close);
            for (BrokerProcess broker : brokers) {
                broker.close();
            }
        }
    }

    /** The one factory is also the XA one, as Artemis's is. */
    private static JmsTarget bolide(String name, BolideConnectionFactory factory) {
        return new JmsTarget(name, factory, factory);
    }
}
