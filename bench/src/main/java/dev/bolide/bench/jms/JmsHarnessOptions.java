package dev.bolide.bench.jms;

import dev.bolide.bench.load.BenchLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link JmsHarness}; {@link #USAGE} lists it.
 *
 * @param brokers the brokers to run, of {@code bolide} and {@code artemis}
 */
record JmsHarnessOptions(Duration seconds, Duration warmup, int rounds, int threads, long backlog, String heap,
        List<String> brokers, List<String> lines, Path bolideJar, Path scratchParent, Path results) {
    /** The groups of lines {@code --lines} chooses from, in the order they run. */
    static final List<String> LINE_GROUPS = List.of("send", "receive", "batch", "xa");

    static final String USAGE = """
            usage: java -jar bench/target/jms-harness.jar [options]
              --quick            3 s per line, 2 s warm-up, a backlog of 20,000 and one round, to
                                 try the harness out
              --seconds N        length of each measured line (default 10)
              --rounds N         rounds of the workload, the brokers taking turns; the table shows
                                 each line's median (default 3)
              --warmup N         length of the warm-up, of sends and of XA each (default 20)
              --threads N        sending and receiving threads, a connection each (default 4)
              --backlog N        messages the receive line drains (default 100000)
              --heap SIZE        -Xms and -Xmx of both broker JVMs (default 512m)
              --only BROKER      bolide or artemis alone (no ratio)
              --lines LIST       the lines to measure, comma-separated: send, receive, batch
                                 (transacted batches of 1 and 100), xa (default: all)
            """;

    static JmsHarnessOptions parse(String[] args, BenchLayout layout) {
        long seconds = 10;
        long warmup = 20;
        int rounds = 3;
        int threads = 4;
        long backlog = 100_000;
        String heap = "512m";
        List<String> brokers = new ArrayList<>(List.of("bolide", "artemis"));
        List<String> lines = LINE_GROUPS;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--quick")) {
                seconds = 3;
                warmup = 2;
                backlog = 20_000;
                rounds = 1;
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("unknown option, or one without its value: " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--seconds" -> seconds = wholeAboveZero(option, value);
                case "--warmup" -> warmup = wholeAboveZero(option, value);
                case "--rounds" -> rounds = (int) wholeAboveZero(option, value);
                case "--threads" -> threads = (int) wholeAboveZero(option, value);
                case "--backlog" -> backlog = wholeAboveZero(option, value);
                case "--heap" -> heap = value;
                case "--only" -> brokers.retainAll(List.of(value.toLowerCase(Locale.ROOT)));
                case "--lines" -> lines = lineGroups(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("--only takes bolide or artemis");
        }
        return new JmsHarnessOptions(Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), rounds, threads, backlog,
                heap,
                List.copyOf(brokers), lines, layout.bolideBrokerJar(), layout.scratchParent().resolveSibling("jms-data"),
                layout.jmsResults());
    }

    private static long wholeAboveZero(String option, String value) {
        if (!value.matches("[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException(option + " takes a whole number above 0, not " + value);
        }
        return Long.parseLong(value);
    }

    private static List<String> lineGroups(String value) {
        List<String> chosen = List.of(value.toLowerCase(Locale.ROOT).split(","));
        if (chosen.isEmpty() || !LINE_GROUPS.containsAll(chosen)) {
            throw new IllegalArgumentException("--lines takes some of " + String.join(",", LINE_GROUPS) + ", not "
                    + value);
        }
        return LINE_GROUPS.stream().filter(chosen::contains).toList();
    }

    boolean runs(String broker) {
        return brokers.contains(broker);
    }

    /** Whether the lines of {@code group} ({@link #LINE_GROUPS}) are measured. */
    boolean measures(String group) {
        return lines.contains(group);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d s per line, %d s warm-up, a backlog of %,d to receive, median of %d "
                + "alternating rounds, %d threads, broker heap %s, SYNC_FLUSH", seconds.toSeconds(), warmup.toSeconds(),
                backlog, rounds, threads, heap);
    }
}
