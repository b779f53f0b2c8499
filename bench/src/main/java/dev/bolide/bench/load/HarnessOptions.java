package dev.bolide.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** The command line of {@link LoadHarness}; {@link #USAGE} lists it. */
final class HarnessOptions {
    static final String USAGE = """
            usage: java -jar bench/target/load-harness.jar [options]
              --quick              2 s per send cell and 2 s warm-up, to try the harness out
              --seconds N          length of each send cell (default 10)
              --warmup N           length of the warm-up's plain sends (default 10; its
                                   transactional sends take half as long again)
              --flush MODE         ASYNC_FLUSH (default) or SYNC_FLUSH, for every broker
              --heap SIZE          -Xms and -Xmx of every broker JVM (default 512m)
              --rocketmq-tsp       also RocketMQ 4.9.7 with transientStorePoolEnable and its flush
                                   settings, a fourth column
              --only LIST          the brokers to run, comma-separated, of bolide, rocketmq,
                                   rocketmq-tsp, rocketmq5 (default bolide,rocketmq,rocketmq5)
              --rounds N           rounds, every broker fresh in each, the order rotated; the
                                   table shows medians (default 1; 3 with --replication,
                                   --security or --console-cost)
              --replication        instead of the table above: sync sends of 1 KiB from 16 threads
                                   to Bolide SYNC_MASTER + SLAVE, RocketMQ SYNC_MASTER + SLAVE and
                                   Bolide ASYNC_MASTER alone, in rounds, medians
              --security           instead of the table above: sync sends of 1 KiB from 16 threads
                                   to Bolide plain, with TLS and with ACL, side by side, in rounds,
                                   each round's sends then drained by a push consumer (over TLS,
                                   signed under ACL), medians, ratios TLS / plain and ACL / plain
                                   for sends and for consumption
              --console-cost       instead of the table above: sync sends of 1 KiB from 16 threads
                                   to Bolide without a console and Bolide serving its console,
                                   /metrics scraped every second, side by side, in rounds, medians
              --tls-mode MODE      the TLS broker's tls.server.mode under --security: enforcing
                                   (default) or permissive
              --metrics            Bolide serves /metrics (consoleListenPort on a free port), to
                                   measure what its meters cost; default: no console
              --bolide-jar FILE    default broker/target/bolide-broker.jar
              --rocketmq-lib DIR   default bench/rocketmq-dist/target/rocketmq-4.9.7/lib
              --rocketmq5-lib DIR  default bench/rocketmq5-dist/target/rocketmq-5.5.0/lib
              --dir DIR            where the brokers' stores go (default bench/target/load-data)
              --out FILE           the report (default bench/target/load-results.txt)
            """;
    private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(5);

    private long sendSeconds = 10;
    private long warmupSeconds = 10;
    private String flushDiskType = "ASYNC_FLUSH";
    private String heap = "512m";
    private boolean bolideMetrics;
    private boolean replication;
    private boolean security;
    private boolean consoleCost;
    private String tlsMode = "enforcing";
    private Long rounds;
    private final List<Contender> brokers = new ArrayList<>(List.of(Contender.BOLIDE, Contender.ROCKETMQ,
            Contender.ROCKETMQ_5));
    private Path bolideJar;
    private Path rocketMqLib;
    private Path rocketMq5Lib;
    private Path scratchParent;
    private Path results;

    private HarnessOptions(BenchLayout layout) {
        bolideJar = layout.bolideBrokerJar();
        rocketMqLib = layout.rocketMqLib();
        rocketMq5Lib = layout.rocketMq5Lib();
        scratchParent = layout.scratchParent();
        results = layout.results();
    }

    static HarnessOptions parse(String[] args, BenchLayout layout) {
        HarnessOptions options = new HarnessOptions(layout);
        Iterator<String> rest = List.of(args).iterator();
        while (rest.hasNext()) {
            options.apply(rest.next(), rest);
        }
        return options;
    }

    private void apply(String option, Iterator<String> rest) {
        switch (option) {
            case "--quick" -> {
                sendSeconds = 2;
                warmupSeconds = 2;
            }
            case "--seconds" -> sendSeconds = positive(option, value(option, rest));
            case "--warmup" -> warmupSeconds = positive(option, value(option, rest));
            case "--flush" -> flushDiskType = value(option, rest).toUpperCase(Locale.ROOT);
            case "--heap" -> heap = value(option, rest);
            case "--only" -> onlyBrokers(value(option, rest));
            case "--rocketmq-tsp" -> addBroker(Contender.ROCKETMQ_TSP);
            case "--metrics" -> bolideMetrics = true;
            case "--replication" -> replication = true;
            case "--security" -> security = true;
            case "--console-cost" -> consoleCost = true;
            case "--tls-mode" -> tlsMode = tlsMode(value(option, rest));
            case "--rounds" -> rounds = positive(option, value(option, rest));
            case "--bolide-jar" -> bolideJar = Path.of(value(option, rest));
            case "--rocketmq-lib" -> rocketMqLib = Path.of(value(option, rest));
            case "--rocketmq5-lib" -> rocketMq5Lib = Path.of(value(option, rest));
            case "--dir" -> scratchParent = Path.of(value(option, rest)).toAbsolutePath();
            case "--out" -> results = Path.of(value(option, rest)).toAbsolutePath();
            default -> throw new IllegalArgumentException("unknown option " + option);
        }
    }

    private static String tlsMode(String mode) {
        String lower = mode.toLowerCase(Locale.ROOT);
        if (!lower.equals("enforcing") && !lower.equals("permissive")) {
            throw new IllegalArgumentException("--tls-mode is enforcing or permissive, not " + mode);
        }
        return lower;
    }

    private void onlyBrokers(String list) {
        brokers.clear();
        for (String name : list.split(",")) {
            addBroker(Contender.ofOption(name.trim()));
        }
    }

    /** Adds {@code broker} once, keeping the columns in {@link Contender}'s order. */
    private void addBroker(Contender broker) {
        if (!brokers.contains(broker)) {
            brokers.add(broker);
            brokers.sort(null);
        }
    }

    private static String value(String option, Iterator<String> rest) {
        if (!rest.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.next();
    }

    private static long positive(String option, String value) {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number above 0, not " + value);
    }

    BrokerSetup brokerSetup() {
        return new BrokerSetup(heap, flushDiskType, scratchParent);
    }

    WorkloadPlan plan() {
        return new WorkloadPlan(Duration.ofSeconds(sendSeconds), Duration.ofSeconds(warmupSeconds), CONSUME_TIMEOUT);
    }

    /** The brokers of the comparison, in the table's order. */
    List<Contender> brokers() {
        return List.copyOf(brokers);
    }

    /** Whether to measure replication ({@link ReplicationRun}) instead of the broker comparison. */
    boolean replication() {
        return replication;
    }

    /** Whether to measure TLS and ACL ({@link SecurityRun}) instead of the broker comparison. */
    boolean security() {
        return security;
    }

    /** Whether to measure the console and /metrics ({@link ConsoleCostRun}) instead of the broker comparison. */
    boolean consoleCost() {
        return consoleCost;
    }

    /** The {@code tls.server.mode} of the TLS broker under {@code --security}. */
    String tlsMode() {
        return tlsMode;
    }

    int rounds() {
        return rounds != null ? rounds.intValue() : replication || security || consoleCost ? 3 : 1;
    }

    /** Whether the Bolide broker keeps its meters (and serves /metrics). */
    boolean bolideMetrics() {
        return bolideMetrics;
    }

    Path bolideJar() {
        return bolideJar;
    }

    Path rocketMqLib() {
        return rocketMqLib;
    }

    Path rocketMq5Lib() {
        return rocketMq5Lib;
    }

    Path scratchParent() {
        return scratchParent;
    }

    Path results() {
        return results;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "broker heap %s, %s, %d s per send cell, %d s warm-up, %d round%s%s%s", heap,
                flushDiskType, sendSeconds, warmupSeconds, rounds(), rounds() == 1 ? "" : "s",
                bolideMetrics ? ", Bolide with /metrics" : "", security ? ", tls.server.mode " + tlsMode : "");
    }
}
