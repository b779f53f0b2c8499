package dev.bolide.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.topic.TopicValidator;

/**
 * The whole {@link WorkloadPlan} against one started broker, through one producer and one
 * transactional producer.
 */
final class BrokerRun {
    private static final String WARMUP_TOPIC = "bench-warmup";
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);

    private final BrokerProcess broker;
    private final WorkloadPlan plan;
    private final DefaultMQProducer producer;
    private final CommittingProducer transactional;

    private BrokerRun(BrokerProcess broker, WorkloadPlan plan, DefaultMQProducer producer,
            CommittingProducer transactional) {
        this.broker = broker;
        this.plan = plan;
        this.producer = producer;
        this.transactional = transactional;
    }

    static RunFigures measure(BrokerProcess broker, WorkloadPlan plan) throws Exception {
        DefaultMQProducer producer = startProducer(broker);
        try {
            CommittingProducer transactional = CommittingProducer.start(broker);
            try {
                return new BrokerRun(broker, plan, producer, transactional).measureAll();
            } finally {
                transactional.producer().shutdown();
            }
        } finally {
            producer.shutdown();
        }
    }

    /** A started producer of its own for {@code broker}; the caller shuts it down. */
    static DefaultMQProducer startProducer(BrokerProcess broker) throws MQClientException {
        DefaultMQProducer producer = SecuredClients.newProducer(broker.security(), "bench-producer");
        producer.setNamesrvAddr(broker.clientAddress());
        producer.setInstanceName("bench-producer-" + System.nanoTime());
        // every request on the broker's main port; the VIP port is a RocketMQ peculiarity
        producer.setVipChannelEnabled(false);
        producer.start();
        return producer;
    }

    /**
     * CPU is counted over all send cells together and over all drains together, so that the
     * counters' 10 ms tick is small beside what they count; the pauses between cells (a thread
     * pool's start, the route lookups of a new consumer) are in it, alike for every broker.
     */
    private RunFigures measureAll() throws Exception {
        createTopic(producer, broker, WARMUP_TOPIC);
        for (int size : WorkloadPlan.MESSAGE_SIZES) {
            createTopic(producer, broker, WorkloadPlan.topic(size));
        }
        for (WorkloadPlan.SendCell cell : WorkloadPlan.transactionalCells()) {
            createTopic(producer, broker, cell.topic());
        }
        warmUp();
        List<Measurement> results = new ArrayList<>();
        Map<Integer, Long> acknowledged = new LinkedHashMap<>();
        SendWorkload sends = new SendWorkload(producer);
        CpuCost.Meter sendCpu = CpuCost.start(broker);
        for (int size : WorkloadPlan.MESSAGE_SIZES) {
            for (WorkloadPlan.SendCell cell : plan.sendCells(size)) {
                Measurement measurement = sends.run(cell.workload(), WorkloadPlan.topic(size), size, cell.threads(),
                        plan.sendDuration());
                results.add(report(measurement));
                acknowledged.merge(size, measurement.messages(), Long::sum);
            }
        }
        CpuCost sending = sendCpu.stop("sends", acknowledged.values().stream().mapToLong(Long::longValue).sum());
        long consumed = 0;
        CpuCost.Meter consumeCpu = CpuCost.start(broker);
        for (int size : WorkloadPlan.MESSAGE_SIZES) {
            Measurement drained = drain(WorkloadPlan.consumeWorkload(size), WorkloadPlan.topic(size),
                    acknowledged.get(size));
            results.add(report(drained));
            consumed += drained.messages();
        }
        CpuCost consumption = consumeCpu.stop("consumption", consumed);
        List<CpuCost> cpu = List.of(sending, consumption, sendTransactions(results));
        cpu.forEach(cost -> System.out.printf(Locale.ROOT, "%s: CPU per message, %s: broker %.1f us, client %.1f us%n",
                broker.name(), cost.phase(), cost.brokerMicrosPerMessage(), cost.clientMicrosPerMessage()));
        return new RunFigures(results, cpu);
    }

    /**
     * Every transactional cell, each counted only as far as its committed messages reached the
     * topic's queues (a broker that lost commits would otherwise score them). The CPU spans the
     * wait for the queues, which the oneway {@code END_TRANSACTION}s may leave behind the sends.
     */
    private CpuCost sendTransactions(List<Measurement> results) throws Exception {
        CpuCost.Meter cpu = CpuCost.start(broker);
        long committed = 0;
        for (WorkloadPlan.SendCell cell : WorkloadPlan.transactionalCells()) {
            Measurement sent = SendWorkload.transactional(transactional.producer()).run(cell.workload(), cell.topic(),
                    cell.messageSize(), cell.threads(), plan.sendDuration());
            Measurement queued = sent.countingOnly(backlog(producer, cell.topic(), sent.messages()));
            results.add(report(queued));
            committed += queued.messages();
        }
        CpuCost cost = cpu.stop("transactional sends", committed);
        System.out.printf("%s: %d transaction checks asked by the broker%n", broker.name(), transactional.checks());
        return cost;
    }

    /**
     * Every broker's JIT compilers and page caches see the same traffic, every message size and
     * transactional sends, before anything is measured; the warm-up backlog is consumed too, to
     * warm the consuming path.
     */
    private void warmUp() throws Exception {
        Duration perSize = plan.warmupDuration().dividedBy(WorkloadPlan.MESSAGE_SIZES.size());
        System.out.printf("%s: warming up for %d s%n", broker.name(), plan.warmupDuration().plus(perSize).toSeconds());
        long sent = 0;
        for (int size : WorkloadPlan.MESSAGE_SIZES) {
            sent += new SendWorkload(producer).run("warm-up", WARMUP_TOPIC, size, 8, perSize).messages();
        }
        sent += SendWorkload.transactional(transactional.producer()).run("warm-up", WARMUP_TOPIC,
                WorkloadPlan.TRANSACTIONAL_SIZE, 8, perSize).messages();
        drain("warm-up consume", WARMUP_TOPIC, sent);
    }

    private Measurement drain(String workload, String topic, long acknowledged) throws Exception {
        return new ConsumeWorkload(broker).drain(workload, topic, backlog(producer, topic, acknowledged),
                plan.consumeTimeout());
    }

    /**
     * The topic's messages as the broker counts them: at least every acknowledged send, and also
     * those whose send failed on the client after the broker had stored them. Waits while the
     * broker's queues still lag behind its log.
     */
    static long backlog(DefaultMQProducer producer, String topic, long acknowledged)
            throws MQClientException, InterruptedException {
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        long backlog;
        while ((backlog = queuedMessages(producer, topic)) < acknowledged && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return backlog;
    }

    // deprecated in the client for rocketmq-tools' admin API, which is not a dependency here
    @SuppressWarnings("deprecation")
    private static long queuedMessages(DefaultMQProducer producer, String topic) throws MQClientException {
        long total = 0;
        for (MessageQueue queue : producer.fetchPublishMessageQueues(topic)) {
            total += producer.maxOffset(queue) - producer.minOffset(queue);
        }
        return total;
    }

    /** Creates the topic with {@link WorkloadPlan#QUEUES} queues and waits until the name server routes it. */
    @SuppressWarnings("deprecation") // as queuedMessages
    static void createTopic(DefaultMQProducer producer, BrokerProcess broker, String topic)
            throws MQClientException, InterruptedException {
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        while (true) {
            try {
                producer.createTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, topic, WorkloadPlan.QUEUES);
                break;
            } catch (MQClientException e) {
                // a broker says "boot success" before its name server has its registration (and the
                // route of the template topic the client creates through): seen on a loaded machine
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
        while (routedQueues(producer, topic) < WorkloadPlan.QUEUES) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(broker.name() + ": topic " + topic + " has no route with "
                        + WorkloadPlan.QUEUES + " queues after " + ROUTE_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static int routedQueues(DefaultMQProducer producer, String topic) {
        try {
            return producer.fetchPublishMessageQueues(topic).size();
        } catch (MQClientException e) {
            return 0; // not routed yet
        }
    }

    /** Prints each figure as it comes, so that a long run shows its progress. */
    private Measurement report(Measurement measurement) {
        String latency = measurement.latencies() == null ? "" : String.format(Locale.ROOT,
                "  p50 %.2f ms  p99 %.2f ms", measurement.p50Millis(), measurement.p99Millis());
        System.out.printf(Locale.ROOT, "%s: %-37s %9.0f msgs/s%s%s%n", broker.name(), measurement.workload(),
                measurement.messagesPerSecond(), latency,
                measurement.problem() == null ? "" : "  (" + measurement.problem() + ")");
        return measurement;
    }
}
