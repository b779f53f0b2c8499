package dev.bolide.bench.jms;

import dev.bolide.bench.load.BenchLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link JmsHarness}; {@link #USAGE} lists it.
 *
 * @param brokers       the brokers to run, of {@link #BROKERS}
 * @param artemisTuning the journal of the {@code artemis-tuned} column
 */
record JmsHarnessOptions(Duration seconds, Duration warmup, int rounds, int threads, long backlog, String heap,
        List<String> brokers, ArtemisJournal artemisTuning, List<String> lines, Path bolideJar, Path scratchParent,
        Path results) {
    static final List<String> BROKERS = List.of("bolide", "bolide-spread", "artemis", "artemis-tuned");
    /** Without {@code --only}: Bolide as configured by default, and Artemis both ways. */
    static final List<String> DEFAULT_BROKERS = List.of("bolide", "artemis", "artemis-tuned");
    /** The groups of lines {@code --lines} chooses from, in the order they run. */
    static final List<String> LINE_GROUPS = List.of("send", "receive", "batch", "xa", "xa-receive");

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
              --only LIST        the brokers, comma-separated, of bolide, bolide-spread (the same
                                 broker, its factory's sendOrder SPREAD instead of PER_SESSION),
                                 artemis (as shipped) and artemis-tuned (default: all but
                                 bolide-spread)
              --artemis-tuning T the journal of artemis-tuned: perf-journal (journal-buffer-timeout
                                 measured on the disk by artemis perf-journal's rule) or
                                 sync-per-write (timeout 0) (default sync-per-write)
              --lines LIST       the lines to measure, comma-separated: send, receive, batch
                                 (transacted batches of 1 and 100), xa, xa-receive (a
                                 receive from a backlog in each XA transaction) (default: all)
              --dir DIR          where the brokers' data go (default bench/target/jms-data)
              --out FILE         the report (default bench/target/jms-results.txt)
            """;

    static JmsHarnessOptions parse(String[] args, BenchLayout layout) {
        long seconds = 10;
        long warmup = 20;
        int rounds = 3;
        int threads = 4;
        long backlog = 100_000;
        String heap = "512m";
        List<String> brokers = DEFAULT_BROKERS;
        // measured once on this project's machine (2 cores, one SSD, NOISY): timeout 0 beat the
        // default by 1.15x on sends and 2x on both transacted lines; perf-journal's 0.46x, 0.94x, 1.96x
        ArtemisJournal artemisTuning = ArtemisJournal.SYNC_PER_WRITE;
        List<String> lines = LINE_GROUPS;
        Path scratchParent = layout.scratchParent().resolveSibling("jms-data");
        Path results = layout.jmsResults();
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
                case "--only" -> brokers = brokers(value);
                case "--artemis-tuning" -> artemisTuning = ArtemisJournal.ofOption(value);
                case "--dir" -> scratchParent = Path.of(value).toAbsolutePath();
                case "--out" -> results = Path.of(value).toAbsolutePath();
                case "--lines" -> lines = lineGroups(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new JmsHarnessOptions(Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), rounds, threads, backlog,
                heap, brokers, artemisTuning, lines, layout.bolideBrokerJar(), scratchParent, results);
    }

    private static List<String> brokers(String value) {
        List<String> chosen = List.of(value.toLowerCase(Locale.ROOT).split(","));
        if (!BROKERS.containsAll(chosen)) {
            throw new IllegalArgumentException("--only takes some of " + String.join(",", BROKERS) + ", not " + value);
        }
        return BROKERS.stream().filter(chosen::contains).toList();
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
