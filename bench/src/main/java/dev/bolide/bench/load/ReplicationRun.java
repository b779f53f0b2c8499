package dev.bolide.bench.load;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * {@code --replication}: what a slave costs a send. Bolide SYNC_MASTER + SLAVE, Apache RocketMQ
 * SYNC_MASTER + SLAVE and Bolide ASYNC_MASTER alone run side by side for the whole run (two broker
 * JVMs per pair, all on this machine), and take turns in rounds, the order rotated each round, so
 * that a burst of other work lands on every setup's rounds rather than on one setup; each line is
 * the median of its rounds.
 */
final class ReplicationRun {
    static final int MESSAGE_SIZE = 1024;
    static final int THREADS = 16;
    private static final String TOPIC = "bench-replicated";
    private static final String WORKLOAD = "sync send 1 KiB, 16 threads";
    /** How long a SYNC_MASTER may take to get its slave connected (sends answered SEND_OK). */
    private static final Duration SLAVE_TIMEOUT = Duration.ofSeconds(90);
    private static final String FORMAT = "%-36s  %13s  %7s  %7s  %s%n";

    private record Setup(String name, BrokerProcess broker, DefaultMQProducer producer, List<Measurement> rounds) {
    }

    private ReplicationRun() {
    }

    static String run(HarnessOptions options) throws Exception {
        String loadAverage = LoadAverage.read();
        BrokerSetup brokers = options.brokerSetup();
        List<Setup> setups = new ArrayList<>();
        try {
            setups.add(setUp("Bolide SYNC_MASTER + SLAVE", BolideBrokerProcess.start(brokers, options.bolideJar(),
                    BrokerSetup.Role.SYNC_MASTER, false)));
            RocketMqEdition rocketMq = RocketMqEdition.version4(options.rocketMqLib());
            setups.add(setUp(rocketMq.name() + " SYNC_MASTER + SLAVE",
                    RocketMqBrokerProcess.start(brokers, rocketMq, BrokerSetup.Role.SYNC_MASTER)));
            setups.add(setUp("Bolide ASYNC_MASTER alone", BolideBrokerProcess.start(brokers, options.bolideJar(),
                    BrokerSetup.Role.ASYNC_MASTER, false)));
            for (Setup setup : setups) {
                warmUp(setup, options.plan().warmupDuration());
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int turn = 0; turn < setups.size(); turn++) {
                    Setup setup = setups.get((round + turn) % setups.size());
                    Measurement measured = new SendWorkload(setup.producer()).run(WORKLOAD, TOPIC, MESSAGE_SIZE,
                            THREADS, options.plan().sendDuration());
                    System.out.printf(Locale.ROOT, "round %d, %s: %.0f msgs/s%s%n", round + 1, setup.name(),
                            measured.messagesPerSecond(), measured.problem() == null ? ""
                                    : "  (" + measured.problem() + ")");
                    setup.rounds().add(measured);
                }
            }
        } finally {
            for (Setup setup : setups) {
                setup.producer().shutdown();
                setup.broker().close();
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        String heading = String.format(Locale.ROOT, "Replication: %s, %d rounds (%s; %d cores; load average at"
                + " start %s; %s)", WORKLOAD, options.rounds(), options, cores, loadAverage,
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        return render(setups, LoadAverage.headed(heading, loadAverage, cores));
    }

    private static Setup setUp(String name, BrokerProcess broker) throws Exception {
        System.out.println(name + ": started, name server " + broker.clientAddress());
        DefaultMQProducer producer;
        try {
            producer = BrokerRun.startProducer(broker);
            BrokerRun.createTopic(producer, broker, TOPIC);
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        return new Setup(name, broker, producer, new ArrayList<>());
    }

    /** Waits until a send is answered SEND_OK (a SYNC_MASTER's slave is connected), then sends for {@code warmup}. */
    private static void warmUp(Setup setup, Duration warmup) throws Exception {
        long deadline = System.nanoTime() + SLAVE_TIMEOUT.toNanos();
        while (!sentOk(setup.producer())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(setup.name() + ": no send answered SEND_OK within "
                        + SLAVE_TIMEOUT.toSeconds() + " s: the slave did not connect");
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

    private static String render(List<Setup> setups, String heading) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, FORMAT, "setup", "median msgs/s", "p50 ms", "p99 ms", "rounds msgs/s"));
        for (Setup setup : setups) {
            List<String> rounds = setup.rounds().stream()
                    .map(round -> String.format(Locale.ROOT, "%.0f", round.messagesPerSecond())).toList();
            out.append(String.format(Locale.ROOT, FORMAT, setup.name(),
                    LoadReport.decimal(median(setup.rounds(), Measurement::messagesPerSecond), 0),
                    LoadReport.decimal(median(setup.rounds(), Measurement::p50Millis), 2),
                    LoadReport.decimal(median(setup.rounds(), Measurement::p99Millis), 2), String.join(" ", rounds)));
        }
        out.append(String.format(Locale.ROOT, "Bolide / RocketMQ, SYNC_MASTER + SLAVE: %s%n",
                LoadReport.decimal(median(setups.get(0).rounds(), Measurement::messagesPerSecond)
                        / median(setups.get(1).rounds(), Measurement::messagesPerSecond), 2)));
        for (Setup setup : setups) {
            setup.rounds().stream().filter(round -> round.problem() != null).forEach(round -> out.append(
                    String.format(Locale.ROOT, "WARNING: %s: %s%n", setup.name(), round.problem())));
        }
        return out.toString();
    }

    private static double median(List<Measurement> rounds, ToDoubleFunction<Measurement> figure) {
        return LoadReport.median(rounds.stream().map(figure::applyAsDouble).toList());
    }
}
