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
 * two lines' medians. Closing shuts every producer and broker down.
 */
final class SideBySideRounds implements AutoCloseable {
    static final int MESSAGE_SIZE = 1024;
    static final int THREADS = 16;
    static final String WORKLOAD = "sync send 1 KiB, 16 threads";
    private static final String TOPIC = "bench-side-by-side";
    /** How long a setup may take to answer a send SEND_OK (a SYNC_MASTER's slave connected). */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String FORMAT = "%-36s  %13s  %7s  %7s  %11s  %s%n";

    /** A line of the table under the setups: {@code label}, setup {@code numerator}'s msgs/s over {@code denominator}'s. */
    record Ratio(String label, int numerator, int denominator) {
    }

    /**
     * @param cpuNanos CPU of each of the setup's broker JVMs over its own turns only (the counters
     *                 tick in 10 ms steps: summed over the rounds, not per round)
     */
    private record Setup(String name, BrokerProcess broker, DefaultMQProducer producer, List<Measurement> rounds,
            long[] cpuNanos) {
        long messages() {
            return rounds.stream().mapToLong(Measurement::messages).sum();
        }

        double cpuMicrosPerMessage(long nanos) {
            return messages() == 0 ? Double.NaN : nanos / 1000.0 / messages();
        }
    }

    private final List<Setup> setups = new ArrayList<>();

    /** Adds a started broker (closed here should its producer or topic fail) and starts its producer. */
    void add(String name, BrokerProcess broker) throws Exception {
        System.out.println(name + ": started, name server " + broker.clientAddress());
        DefaultMQProducer producer;
        try {
            producer = BrokerRun.startProducer(broker);
            setups.add(new Setup(name, broker, producer, new ArrayList<>(), new long[broker.cpuNanosByJvm().length]));
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        BrokerRun.createTopic(producer, broker, TOPIC);
    }

    /** Warms every setup up, runs the rounds, and returns the table under {@code title}. */
    String run(HarnessOptions options, String title, List<Ratio> ratios) throws Exception {
        String loadAverage = LoadAverage.read();
        for (Setup setup : setups) {
            warmUp(setup, options.plan().warmupDuration());
        }
        for (int round = 0; round < options.rounds(); round++) {
            for (int turn = 0; turn < setups.size(); turn++) {
                Setup setup = setups.get((round + turn) % setups.size());
                long[] cpuBefore = setup.broker().cpuNanosByJvm();
                Measurement measured = new SendWorkload(setup.producer()).run(WORKLOAD, TOPIC, MESSAGE_SIZE,
                        THREADS, options.plan().sendDuration());
                long[] cpuAfter = setup.broker().cpuNanosByJvm();
                for (int jvm = 0; jvm < cpuAfter.length; jvm++) {
                    setup.cpuNanos()[jvm] += cpuAfter[jvm] - cpuBefore[jvm];
                }
                System.out.printf(Locale.ROOT, "round %d, %s: %.0f msgs/s%s%n", round + 1, setup.name(),
                        measured.messagesPerSecond(), measured.problem() == null ? ""
                                : "  (" + measured.problem() + ")");
                setup.rounds().add(measured);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        String heading = String.format(Locale.ROOT, "%s: %s, %d rounds (%s; %d cores; load average at start %s,"
                + " at end %s; %s)", title, WORKLOAD, options.rounds(), options, cores, loadAverage, LoadAverage.read(),
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        return render(LoadAverage.headed(heading, loadAverage, cores), ratios);
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
        for (Setup setup : setups) {
            List<String> rounds = setup.rounds().stream()
                    .map(round -> String.format(Locale.ROOT, "%.0f", round.messagesPerSecond())).toList();
            out.append(String.format(Locale.ROOT, FORMAT, setup.name(),
                    LoadReport.decimal(median(setup, Measurement::messagesPerSecond), 0),
                    LoadReport.decimal(median(setup, Measurement::p50Millis), 2),
                    LoadReport.decimal(median(setup, Measurement::p99Millis), 2),
                    LoadReport.decimal(setup.cpuMicrosPerMessage(Arrays.stream(setup.cpuNanos()).sum()), 1),
                    String.join(" ", rounds)));
        }
        out.append("CPU us/msg: the setup's broker JVMs over its own rounds, per message answered SEND_OK")
                .append(System.lineSeparator());
        for (Setup setup : setups) {
            if (setup.cpuNanos().length > 1) {
                out.append(String.format(Locale.ROOT, "  %s, by JVM in start order: %s%n", setup.name(),
                        String.join(" + ", Arrays.stream(setup.cpuNanos())
                                .mapToObj(nanos -> LoadReport.decimal(setup.cpuMicrosPerMessage(nanos), 1)).toList())));
            }
        }
        for (Ratio ratio : ratios) {
            out.append(String.format(Locale.ROOT, "%s: %s%n", ratio.label(), LoadReport.decimal(
                    median(setups.get(ratio.numerator()), Measurement::messagesPerSecond)
                            / median(setups.get(ratio.denominator()), Measurement::messagesPerSecond), 2)));
        }
        for (Setup setup : setups) {
            setup.rounds().stream().filter(round -> round.problem() != null).forEach(round -> out.append(
                    String.format(Locale.ROOT, "WARNING: %s: %s%n", setup.name(), round.problem())));
        }
        return out.toString();
    }

    private static double median(Setup setup, ToDoubleFunction<Measurement> figure) {
        return LoadReport.median(setup.rounds().stream().map(figure::applyAsDouble).toList());
    }

    @Override
    public void close() throws Exception {
        for (Setup setup : setups) {
            setup.producer().shutdown();
            setup.broker().close();
        }
    }
}
