package dev.bolide.bench.load;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * Setups started together and left running side by side for the whole run, each with a producer
 * of its own, taking turns in rounds of one send workload (sync sends of 1 KiB from 16 threads),
 * the order rotated each round, so that a burst of other work lands on every setup's rounds rather
 * than on one setup; each line of the table is the median of its rounds, each ratio the ratio of
 * two lines' medians. {@link #withConsumption()} adds a consume side: each round sends to a topic
 * of its own, and after the round's sends every setup drains what it was sent there with a push
 * consumer of a new group ({@link ConsumeWorkload}, secured as its broker asks), in the same rotated
 * order; those figures are lines and ratios of their own. Closing shuts every producer and broker down.
 */
final class SideBySideRounds implements AutoCloseable {
    static final int MESSAGE_SIZE = 1024;
    static final int THREADS = 16;
    static final String WORKLOAD = "sync send 1 KiB, 16 threads";
    private static final String TOPIC = "bench-side-by-side";
    /** How long a setup may take to answer a send SEND_OK (a SYNC_MASTER's slave connected). */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String FORMAT = "%-36s  %13s  %7s  %7s  %11s  %s%n";
    private static final String CONSUME_WORKLOAD = "consume the round's backlog, push consumer";

    /** A line of the table under the setups: {@code label}, setup {@code numerator}'s msgs/s over {@code denominator}'s. */
    record Ratio(String label, int numerator, int denominator) {
    }

    /**
     * @param cpuNanos CPU of each of the setup's broker JVMs over its own send turns only (the counters
     *                 tick in 10 ms steps: summed over the rounds, not per round)
     */
    private record Setup(String name, BrokerProcess broker, DefaultMQProducer producer, List<Measurement> rounds,
                         List<Measurement> drains, long[] cpuNanos) {
        long messages() {
            return rounds.stream().mapToLong(Measurement::messages).sum();
        }

        double cpuMicrosPerMessage(long nanos) {
            return messages() == 0 ? Double.NaN : nanos / 1000.0 / messages();
        }
    }

    private final List<Setup> setups = new ArrayList<>();
    private final boolean consumption;

    SideBySideRounds() {
        this(false);
    }

    private SideBySideRounds(boolean consumption) {
        this.consumption = consumption;
    }

    /** Rounds that also drain each round's sends, see the class comment. */
    static SideBySideRounds withConsumption() {
        return new SideBySideRounds(true);
    }

    /** Adds a started broker (closed here should its producer or topic fail) and starts its producer. */
    void add(String name, BrokerProcess broker) throws Exception {
        System.out.println(name + ": started, name server " + broker.clientAddress());
        DefaultMQProducer producer;
        try {
            producer = BrokerRun.startProducer(broker);
            setups.add(new Setup(name, broker, producer, new ArrayList<>(), new ArrayList<>(),
                    new long[broker.cpuNanosByJvm().length]));
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        BrokerRun.createTopic(producer, broker, TOPIC);
    }

    /** Warms every setup up, runs the rounds, and returns the table under {@code title}. */
    String run(HarnessOptions options, String title, List<Ratio> ratios) throws Exception {
        if (consumption) {
            createRoundTopics(options.rounds());
        }
        String loadAverage = LoadAverage.read();
        for (Setup setup : setups) {
            warmUp(setup, options.plan().warmupDuration());
            if (consumption) {
                // the consuming path (and its TLS sessions, its signatures) warmed up too
                drain(setup, TOPIC, 0, options);
            }
        }
        for (int round = 0; round < options.rounds(); round++) {
            for (int turn = 0; turn < setups.size(); turn++) {
                Setup setup = setups.get((round + turn) % setups.size());
                long[] cpuBefore = setup.broker().cpuNanosByJvm();
                Measurement measured = new SendWorkload(setup.producer()).run(WORKLOAD, sendTopic(round), MESSAGE_SIZE,
                        THREADS, options.plan().sendDuration());
                long[] cpuAfter = setup.broker().cpuNanosByJvm();
                for (int jvm = 0; jvm < cpuAfter.length; jvm++) {
                    setup.cpuNanos()[jvm] += cpuAfter[jvm] - cpuBefore[jvm];
                }
                setup.rounds().add(printed(round, setup.name(), measured));
            }
            for (int turn = 0; consumption && turn < setups.size(); turn++) {
                Setup setup = setups.get((round + turn) % setups.size());
                long sent = setup.rounds().get(round).messages();
                setup.drains().add(printed(round, setup.name() + ", consume",
                        drain(setup, sendTopic(round), sent, options)));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        String heading = String.format(Locale.ROOT, "%s: %s%s, %d rounds (%s; %d cores; load average at start %s,"
                + " at end %s; %s)", title, WORKLOAD, consumption ? "; " + CONSUME_WORKLOAD : "", options.rounds(),
                options, cores, loadAverage, LoadAverage.read(), LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        return render(LoadAverage.headed(heading, loadAverage, cores), ratios);
    }

    private static Measurement printed(int round, String name, Measurement measured) {
        System.out.printf(Locale.ROOT, "round %d, %s: %.0f msgs/s%s%n", round + 1, name, measured.messagesPerSecond(),
                measured.problem() == null ? "" : "  (" + measured.problem() + ")");
        return measured;
    }

    /** With consumption each round sends to a topic of its own, so that a drain reads that round's sends only. */
    private String sendTopic(int round) {
        return consumption ? TOPIC + "-" + (round + 1) : TOPIC;
    }

    private void createRoundTopics(int rounds) throws Exception {
        for (Setup setup : setups) {
            for (int round = 0; round < rounds; round++) {
                BrokerRun.createTopic(setup.producer(), setup.broker(), sendTopic(round));
            }
        }
    }

    /** Everything stored on the topic (at least {@code sent}), drained by a new group. */
    private static Measurement drain(Setup setup, String topic, long sent, HarnessOptions options) throws Exception {
        long backlog = BrokerRun.backlog(setup.producer(), topic, sent);
        return new ConsumeWorkload(setup.broker()).drain(CONSUME_WORKLOAD, topic, backlog,
                options.plan().consumeTimeout());
    }

    /** Waits until a send is answered SEND_OK, then sends for {@code warmup}. */
    private static void warmUp(Setup setup, Duration warmup) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!sentOk(setup.producer())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(setup.name() + ": no send answered SEND_OK within "
                        + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
        System.out.printf("%s: warming up for %d s%n", setup.name(), warmup.toSeconds());
        new SendWorkload(setup.producer()).run("warm-up", TOPIC, MESSAGE_SIZE, THREADS, warmup);
    }

    /** One send; false when not SEND_OK, or when it timed out (a master waiting for a slave still catching up). */
    private static boolean sentOk(DefaultMQProducer producer) throws InterruptedException {
        try {
            return producer.send(new Message(TOPIC, new byte[MESSAGE_SIZE])).getSendStatus() == SendStatus.SEND_OK;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return false;
        }
    }

    private String render(String heading, List<Ratio> ratios) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, FORMAT, "setup", "median msgs/s", "p50 ms", "p99 ms", "CPU us/msg",
                "rounds msgs/s"));
        List<Side> sides = consumption ? List.of(Side.SEND, Side.CONSUME) : List.of(Side.SEND);
        for (Side side : sides) {
            for (Setup setup : setups) {
                List<Measurement> measured = side.of(setup);
                List<String> rounds = measured.stream()
                        .map(round -> String.format(Locale.ROOT, "%.0f", round.messagesPerSecond())).toList();
                out.append(String.format(Locale.ROOT, FORMAT, setup.name() + side.suffix,
                        LoadReport.decimal(median(measured, Measurement::messagesPerSecond), 0),
                        LoadReport.decimal(median(measured, Measurement::p50Millis), 2),
                        LoadReport.decimal(median(measured, Measurement::p99Millis), 2),
                        side == Side.SEND ? LoadReport.decimal(setup.cpuMicrosPerMessage(
                                Arrays.stream(setup.cpuNanos()).sum()), 1) : "-",
                        String.join(" ", rounds)));
            }
        }
        out.append("CPU us/msg: the setup's broker JVMs over its own send rounds, per message answered SEND_OK")
                .append(System.lineSeparator());
        for (Setup setup : setups) {
            if (setup.cpuNanos().length > 1) {
                out.append(String.format(Locale.ROOT, "  %s, by JVM in start order: %s%n", setup.name(),
                        String.join(" + ", Arrays.stream(setup.cpuNanos())
                                .mapToObj(nanos -> LoadReport.decimal(setup.cpuMicrosPerMessage(nanos), 1)).toList())));
            }
        }
        for (Side side : sides) {
            for (Ratio ratio : ratios) {
                out.append(String.format(Locale.ROOT, "%s%s: %s%n", ratio.label(), side.suffix, LoadReport.decimal(
                        median(side.of(setups.get(ratio.numerator())), Measurement::messagesPerSecond)
                                / median(side.of(setups.get(ratio.denominator())), Measurement::messagesPerSecond), 2)));
            }
        }
        for (Side side : sides) {
            for (Setup setup : setups) {
                side.of(setup).stream().filter(round -> round.problem() != null).forEach(round -> out.append(
                        String.format(Locale.ROOT, "WARNING: %s%s: %s%n", setup.name(), side.suffix, round.problem())));
            }
        }
        return out.toString();
    }

    /** The two kinds of figure a setup collects, and how the table tells them apart. */
    private enum Side {
        SEND(""), CONSUME(", consume");

        private final String suffix;

        Side(String suffix) {
            this.suffix = suffix;
        }

        List<Measurement> of(Setup setup) {
            return this == SEND ? setup.rounds() : setup.drains();
        }
    }

    private static double median(List<Measurement> measured, ToDoubleFunction<Measurement> figure) {
        return LoadReport.median(measured.stream().map(figure::applyAsDouble).toList());
    }

    @Override
    public void close() throws Exception {
        for (Setup setup : setups) {
            setup.producer().shutdown();
            setup.broker().close();
        }
    }
}
