package dev.bolide.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the harness does to each broker, the same for both: a warm-up, then synchronous sends for
 * every message size and thread count, then consumption of each size's backlog.
 *
 * @param sendDuration   how long each send cell lasts
 * @param warmupDuration how long the warm-up sends last (its backlog is consumed too, unmeasured)
 * @param consumeTimeout how long a backlog may take to drain before the figure is reported incomplete
 */
record WorkloadPlan(Duration sendDuration, Duration warmupDuration, Duration consumeTimeout) {
    static final List<Integer> MESSAGE_SIZES = List.of(128, 1024);
    static final List<Integer> THREADS = List.of(1, 8, 32);
    /** Enough queues for 32 senders and 20 consuming threads to spread over. */
    static final int QUEUES = 8;

    /** One send cell: a message size and a number of sending threads. */
    record SendCell(int messageSize, int threads) {
        String workload() {
            return "send " + messageSize + " B, " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    List<SendCell> sendCells(int messageSize) {
        List<SendCell> cells = new ArrayList<>();
        for (int threads : THREADS) {
            cells.add(new SendCell(messageSize, threads));
        }
        return cells;
    }

    static String topic(int messageSize) {
        return "bench-" + messageSize;
    }

    static String consumeWorkload(int messageSize) {
        return "consume " + messageSize + " B backlog";
    }
}
