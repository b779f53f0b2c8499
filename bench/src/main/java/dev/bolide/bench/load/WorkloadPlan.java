package dev.bolide.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the harness does to each broker, the same for all: a warm-up, then synchronous sends for
 * every message size and thread count, then consumption of each size's backlog, then
 * transactional sends.
 *
 * @param sendDuration   how long each send cell lasts
 * @param warmupDuration how long the warm-up sends last (its backlog is consumed too, unmeasured)
 * @param consumeTimeout how long a backlog may take to drain before the figure is reported incomplete
 */
record WorkloadPlan(Duration sendDuration, Duration warmupDuration, Duration consumeTimeout) {
    static final List<Integer> MESSAGE_SIZES = List.of(128, 1024);
    static final List<Integer> THREADS = List.of(1, 8, 32);
    /**
     * Transactional sends: 1 KiB, with the 4 threads of the figure issue 20 started from and the
     * 32 of RocketMQ's own benchmark ({@code org.apache.rocketmq.example.benchmark.TransactionProducer},
     * whose default is 32 threads).
     */
    static final int TRANSACTIONAL_SIZE = 1024;
    static final List<Integer> TRANSACTIONAL_THREADS = List.of(4, 32);
    /** Enough queues for 32 senders and 20 consuming threads to spread over. */
    static final int QUEUES = 8;

    /** One send cell: a message size and a number of sending threads, plain or transactional. */
    record SendCell(int messageSize, int threads, boolean transactional) {
        String workload() {
            return (transactional ? "transactional send " : "send ") + messageSize + " B, " + threads
                    + (threads == 1 ? " thread" : " threads");
        }

        /** A transactional cell's topic is its own, so that its committed messages can be counted. */
        String topic() {
            return transactional ? "bench-txn-" + messageSize + "-" + threads : WorkloadPlan.topic(messageSize);
        }
    }

    List<SendCell> sendCells(int messageSize) {
        List<SendCell> cells = new ArrayList<>();
        for (int threads : THREADS) {
            cells.add(new SendCell(messageSize, threads, false));
        }
        return cells;
    }

    static List<SendCell> transactionalCells() {
        return TRANSACTIONAL_THREADS.stream().map(threads -> new SendCell(TRANSACTIONAL_SIZE, threads, true)).toList();
    }

    static String topic(int messageSize) {
        return "bench-" + messageSize;
    }

    static String consumeWorkload(int messageSize) {
        return "consume " + messageSize + " B backlog";
    }
}
