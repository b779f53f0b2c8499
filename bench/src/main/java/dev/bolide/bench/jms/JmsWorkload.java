package dev.bolide.bench.jms;

import jakarta.jms.JMSException;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.XADataSource;

/**
 * The workload, the same for every broker: a warm-up, then the measured lines one after another,
 * each on a queue of its own that is emptied afterwards (unmeasured), so that no line runs on
 * another's backlog; the receive line drains a backlog put on its queue unmeasured before.
 */
final class JmsWorkload {
    static final String SEND = "persistent send 1 KiB, msgs/s";
    static final String SEND_P50 = "  send latency p50, ms (lower is better)";
    static final String SEND_P99 = "  send latency p99, ms (lower is better)";
    static final String RECEIVE = "receive, msgs/s";
    static final String BATCH_1_COMMITS = "transacted batch of 1, commits/s";
    static final String BATCH_1_MESSAGES = "transacted batch of 1, msgs/s";
    static final String BATCH_100_COMMITS = "transacted batch of 100, commits/s";
    static final String BATCH_100_MESSAGES = "transacted batch of 100, msgs/s";
    static final String XA_COMMITS = "XA send + H2 insert, commits/s";
    static final String XA_RECEIVE_COMMITS = "XA receive + send + H2 insert, commits/s";
    static final List<String> METRICS = List.of(SEND, SEND_P50, SEND_P99, RECEIVE, BATCH_1_COMMITS,
            BATCH_1_MESSAGES, BATCH_100_COMMITS, BATCH_100_MESSAGES, XA_COMMITS, XA_RECEIVE_COMMITS);
    /** Latencies are better lower: their ratio is no target. */
    static final List<String> LATENCIES = List.of(SEND_P50, SEND_P99);

    private static final int BODY_SIZE = 1024;
    private static final int RECEIVE_WARMUP_DRAINS = 3;

    private final JmsHarnessOptions options;
    private final TransactionManager transactions;
    private final byte[] body = new byte[BODY_SIZE];

    JmsWorkload(JmsHarnessOptions options, TransactionManager transactions) {
        this.options = options;
        this.transactions = transactions;
        ThreadLocalRandom.current().nextBytes(body);
    }

    /** One round of the measured lines; {@link #warmUp} comes first, once per broker. */
    Figures measure(JmsTarget target, Path scratch) throws Exception {
        Figures figures = new Figures();
        if (options.measures("send")) {
            measureSend(target, figures);
        }
        if (options.measures("receive")) {
            measureReceive(target, figures);
        }
        if (options.measures("batch")) {
            measureBatches(target, 1, BATCH_1_COMMITS, BATCH_1_MESSAGES, figures);
            measureBatches(target, 100, BATCH_100_COMMITS, BATCH_100_MESSAGES, figures);
        }
        if (options.measures("xa")) {
            measureXa(target, scratch, figures);
        }
        if (options.measures("xa-receive")) {
            measureXaReceive(target, scratch, figures);
        }
        return figures;
    }

    private void measureSend(JmsTarget target, Figures figures) throws Exception {
        TimedLoop.Outcome sends = timed(PersistentSender.synchronous(target.factory(), "jms-send", body),
                options.seconds());
        figures.put(SEND, sends.perSecond());
        figures.put(SEND_P50, sends.latencies().percentileMillis(50));
        figures.put(SEND_P99, sends.latencies().percentileMillis(99));
        report(target, SEND, figures);
        QueueDrain.drain(target.factory(), "jms-send", sends.operations(), options.threads());
    }

    /**
     * The backlog of the send line was a few seconds' sends, drained in a few hundred milliseconds
     * that the consumers' start made most of: the figure varied threefold between rounds.
     */
    private void measureReceive(JmsTarget target, Figures figures) throws Exception {
        long backlog = QueueFill.fill(target.factory(), "jms-receive", body, options.backlog(), options.threads());
        figures.put(RECEIVE, QueueDrain.drain(target.factory(), "jms-receive", backlog, options.threads()));
        report(target, RECEIVE, figures);
    }

    /**
     * Sends and receives, backlogs drained for the warm-up's length when the receive line is measured
     * (its figure rose 2.3-fold from the first round to the third without), then XA transactions when measured: the
     * transaction manager and the database run in this JVM for both brokers, and whichever broker
     * went first would otherwise pay for compiling them. Batches are warmed up by their lines' first moments, as they may be refused.
     *
     * @param scratch where the XA warm-up's database goes
     */
    void warmUp(JmsTarget target, Path scratch) throws Exception {
        System.out.println(target.name() + ": warming up for " + options.warmup().toSeconds() + " s");
        TimedLoop.Outcome sends = timed(PersistentSender.synchronous(target.factory(), "jms-warmup", body),
                options.warmup());
        QueueDrain.drain(target.factory(), "jms-warmup", sends.operations(), options.threads());
        if (options.measures("receive")) {
            warmUpReceives(target);
        }
        if ((options.measures("xa") || options.measures("xa-receive")) && target.xaFactory() != null) {
            System.out.println(target.name() + ": warming XA up for " + options.warmup().toSeconds() + " s");
            XADataSource database = XaDatabase.create(scratch.resolve("h2-warmup-" + target.name()));
            TimedLoop.Outcome commits = timed(XaSender.factory(transactions, target.xaFactory(), database,
                    "jms-xa-warmup", body), options.warmup());
            QueueDrain.drain(target.factory(), "jms-xa-warmup", commits.operations(), options.threads());
        }
    }

    /**
     * Backlogs drained one after another for the warm-up's length, and at least
     * {@link #RECEIVE_WARMUP_DRAINS} (on a busy machine filling one took most of it). One drain was
     * under a second of receiving, too little for the JIT: both JVMs still compiled the pull and
     * delivery path with C2 during the first measured round, whose messages cost 2 to 3 times the CPU
     * of the third round's, harness and broker alike, at a third to a half of its rate.
     */
    private void warmUpReceives(JmsTarget target) throws Exception {
        long until = System.nanoTime() + options.warmup().toNanos();
        for (int drains = 0; drains < RECEIVE_WARMUP_DRAINS || System.nanoTime() < until; drains++) {
            long backlog = QueueFill.fill(target.factory(), "jms-receive", body, options.backlog(), options.threads());
            double rate = QueueDrain.drain(target.factory(), "jms-receive", backlog, options.threads());
            System.out.printf("%s: warming receives up, a backlog of %,d drained at %,.0f msgs/s%n", target.name(),
                    backlog, rate);
        }
    }

    private void measureBatches(JmsTarget target, int batch, String commitsMetric, String messagesMetric,
            Figures figures) throws Exception {
        String queue = "jms-batch-" + batch;
        TimedLoop.Outcome commits;
        try {
            commits = timed(PersistentSender.transacted(target.factory(), queue, body, batch), options.seconds());
        } catch (JMSException e) {
            // a broker or client that cannot run the line says why, in place of a figure
            figures.unavailable(commitsMetric, e.getMessage());
            figures.unavailable(messagesMetric, e.getMessage());
            report(target, commitsMetric, figures);
            return;
        }
        figures.put(commitsMetric, commits.perSecond());
        figures.put(messagesMetric, commits.perSecond() * batch);
        report(target, commitsMetric, figures);
        QueueDrain.drain(target.factory(), queue, commits.operations() * batch, options.threads());
    }

    /** @param scratch where the XA line's database goes, one per round and broker */
    private void measureXa(JmsTarget target, Path scratch, Figures figures) throws Exception {
        if (target.xaFactory() == null) {
            figures.unavailable(XA_COMMITS, "the client has no XAConnectionFactory");
            return;
        }
        XADataSource database = XaDatabase.create(scratch.resolve("h2-" + target.name()));
        TimedLoop.Outcome commits = timed(XaSender.factory(transactions, target.xaFactory(), database, "jms-xa", body),
                options.seconds());
        figures.put(XA_COMMITS, commits.perSecond());
        report(target, XA_COMMITS, figures);
        QueueDrain.drain(target.factory(), "jms-xa", commits.operations(), options.threads());
    }

    /**
     * Each transaction receives a message of a backlog put on a queue unmeasured, sends one and
     * inserts a row: what an MDB does. The backlog's rest and the sends are drained after.
     *
     * @param scratch where the line's database goes, one per round and broker
     */
    private void measureXaReceive(JmsTarget target, Path scratch, Figures figures) throws Exception {
        if (target.xaFactory() == null) {
            figures.unavailable(XA_RECEIVE_COMMITS, "the client has no XAConnectionFactory");
            return;
        }
        long backlog = QueueFill.fill(target.factory(), "jms-xa-backlog", body, options.backlog(), options.threads());
        XADataSource database = XaDatabase.create(scratch.resolve("h2-receive-" + target.name()));
        TimedLoop.Outcome commits = timed(XaSender.factory(transactions, target.xaFactory(), database, "jms-xa-sent",
                "jms-xa-backlog", body), options.seconds());
        figures.put(XA_RECEIVE_COMMITS, commits.perSecond());
        report(target, XA_RECEIVE_COMMITS, figures);
        QueueDrain.drain(target.factory(), "jms-xa-backlog", backlog - commits.operations(), options.threads());
        QueueDrain.drain(target.factory(), "jms-xa-sent", commits.operations(), options.threads());
    }

    private TimedLoop.Outcome timed(TimedLoop.WorkerFactory workers, Duration length) throws Exception {
        return TimedLoop.run(options.threads(), length, workers);
    }

    private static void report(JmsTarget target, String metric, Figures figures) {
        System.out.println(target.name() + ": " + metric.strip() + " " + figures.cell(metric));
    }
}
