package dev.bolide.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.rocketmq.common.MQVersion;

/**
 * Main-Class of {@code load-harness.jar}: the same workload with the real RocketMQ client against
 * Bolide and then against Apache RocketMQ, each broker a fresh child JVM with the same heap and
 * flush settings, and the figures side by side in a table on stdout and in
 * {@code bench/target/load-results.txt}. Never a test: it takes minutes and wants a quiet machine.
 */
public final class LoadHarness {
    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(HarnessOptions.USAGE);
            return;
        }
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args, BenchLayout.ofThisBuild());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(HarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        Path clientLogs = options.scratchParent().resolve("client-logs");
        // the client logs under ~/logs by default: keep its files with the run's other scratch files
        System.setProperty("rocketmq.client.logRoot", clientLogs.toString());
        String table = options.replication() ? ReplicationRun.run(options) : run(options);
        System.out.println();
        System.out.print(table);
        Files.createDirectories(options.results().getParent());
        Files.writeString(options.results(), table);
        System.out.println("written to " + options.results());
        ScratchDirectory.deleteTree(clientLogs);
        deleteIfEmpty(options.scratchParent());
        // the client leaves non-daemon threads behind after shutdown; the run is over
        System.exit(0);
    }

    private static String run(HarnessOptions options) throws Exception {
        BrokerSetup setup = options.brokerSetup();
        WorkloadPlan plan = options.plan();
        List<Measurement> bolide = options.runs("bolide")
                ? measure(BolideBrokerProcess.start(setup, options.bolideJar(), options.bolideMetrics()), plan) : List.of();
        List<Measurement> rocketMq = options.runs("rocketmq")
                ? measure(RocketMqBrokerProcess.start(setup, options.rocketMqLib()), plan) : List.of();
        String heading = String.format("Bolide vs Apache RocketMQ %s, client rocketmq-client %s: sync sends, then push"
                + " consumption of the backlog (%s; %d cores; %s)", RocketMqBrokerProcess.VERSION,
                MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION), options,
                Runtime.getRuntime().availableProcessors(),
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        return new LoadReport(bolide, rocketMq).render(heading);
    }

    private static List<Measurement> measure(BrokerProcess broker, WorkloadPlan plan) throws Exception {
        try (broker) {
            System.out.println(broker.name() + ": started, name server " + broker.clientAddress());
            return BrokerRun.measure(broker, plan);
        }
    }

    private static void deleteIfEmpty(Path directory) throws IOException {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException e) {
            // something else lives there (another run, or files a user put there): not ours to delete
        }
    }
}
