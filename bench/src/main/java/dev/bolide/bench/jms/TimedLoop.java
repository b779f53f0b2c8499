package dev.bolide.bench.jms;

import dev.bolide.bench.load.LatencySamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one operation (a send, a commit) over and over on several threads for a fixed time, each
 * thread with its own connection, timing every operation. The time counts from when every thread
 * has opened its connection.
 */
final class TimedLoop {
    /** One thread's resources and its operation. */
    interface Worker extends AutoCloseable {
        void once() throws Exception;
    }

    interface WorkerFactory {
        Worker open() throws Exception;
    }

    /** What a loop did: operations completed, in how long, and how long each took. */
    record Outcome(long operations, double seconds, LatencySamples latencies) {
        double perSecond() {
            return operations / seconds;
        }
    }

    private TimedLoop() {
    }

    static Outcome run(int threads, Duration length, WorkerFactory factory) throws Exception {
        List<Worker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                workers.add(factory.open());
            }
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                long start = System.nanoTime();
                long deadline = start + length.toNanos();
                List<Future<LatencySamples>> results = new ArrayList<>();
                for (Worker worker : workers) {
                    results.add(executor.submit(() -> loop(worker, deadline)));
                }
                List<LatencySamples> parts = new ArrayList<>();
                for (Future<LatencySamples> result : results) {
                    parts.add(outcomeOf(result));
                }
                LatencySamples all = LatencySamples.merge(parts);
                return new Outcome(all.count(), (System.nanoTime() - start) / 1e9, all);
            } finally {
                executor.shutdownNow();
            }
        } finally {
            for (Worker worker : workers) {
                worker.close();
            }
        }
    }

    /** A worker's samples, or the exception its operation threw, as it was thrown. */
    private static LatencySamples outcomeOf(Future<LatencySamples> result) throws Exception {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static LatencySamples loop(Worker worker, long deadline) throws Exception {
        LatencySamples latencies = new LatencySamples();
        long now = System.nanoTime();
        while (now < deadline) {
            worker.once();
            long done = System.nanoTime();
            latencies.record(done - now);
            now = done;
        }
        return latencies;
    }
}
