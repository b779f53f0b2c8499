package dev.bolide.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.MQVersion;

/**
 * Main-Class of {@code load-harness.jar}: the same workload with the real RocketMQ client against
 * Bolide and then against Apache RocketMQ (4.9.7, 5.x, and 4.9.7 tuned if asked), each broker a
 * fresh child JVM with the same heap and flush settings, and the figures side by side in a table on stdout and in
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
        String table = options.replication() ? ReplicationRun.run(options)
                : options.security() ? SecurityRun.run(options)
                : options.consoleCost() ? ConsoleCostRun.run(options) : run(options);
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

    /**
     * Every broker of the comparison in each round, each fresh (its own JVMs and store, the whole
     * plan, stopped), the order rotated from one round to the next so that no broker always runs
     * first, on a machine still quiet, or last.
     */
    private static String run(HarnessOptions options) throws Exception {
        String loadAverage = LoadAverage.read();
        WorkloadPlan plan = options.plan();
        List<Contender> brokers = options.brokers();
        Map<Contender, String> names = new EnumMap<>(Contender.class);
        brokers.forEach(broker -> names.put(broker, broker.columnName(options)));
        Map<Contender, List<RunFigures>> rounds = LoadReport.emptyRounds(brokers);
        for (int round = 0; round < options.rounds(); round++) {
            for (int turn = 0; turn < brokers.size(); turn++) {
                Contender broker = brokers.get((round + turn) % brokers.size());
                System.out.printf("round %d of %d: %s%n", round + 1, options.rounds(), names.get(broker));
                rounds.get(broker).add(measure(broker.start(options), plan));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        String heading = String.format("Bolide vs Apache RocketMQ, client rocketmq-client %s: sync sends, then push"
                + " consumption of the backlog, then transactional sends (%s; %d cores; load average at start %s; %s)",
                MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION), options, cores, loadAverage,
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        return new LoadReport(brokers, names, rounds).render(LoadAverage.headed(heading, loadAverage, cores));
    }

    private static RunFigures measure(BrokerProcess broker, WorkloadPlan plan) throws Exception {
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
