package dev.bolide.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;

/**
 * Synchronous sends from a number of threads through one producer, for a fixed time, as an
 * application sharing one {@link DefaultMQProducer} would send. Each thread times every send.
 */
final class SendWorkload {
    private final SendCall call;

    /** Plain sends: each counts when it returns {@code SEND_OK}. */
    SendWorkload(DefaultMQProducer producer) {
        this(message -> failure(producer.send(message)));
    }

    private SendWorkload(SendCall call) {
        this.call = call;
    }

    /**
     * Transactional sends ({@code sendMessageInTransaction}, the producer's listener deciding):
     * each counts when its half message returned {@code SEND_OK} and the local transaction
     * committed, the client having then sent the broker its {@code END_TRANSACTION} (oneway).
     */
    static SendWorkload transactional(TransactionMQProducer producer) {
        return new SendWorkload(message -> {
            TransactionSendResult result = producer.sendMessageInTransaction(message, null);
            String failure = failure(result);
            return failure != null || result.getLocalTransactionState() == LocalTransactionState.COMMIT_MESSAGE
                    ? failure : "local transaction " + result.getLocalTransactionState();
        });
    }

    private static String failure(SendResult result) {
        return result.getSendStatus() == SendStatus.SEND_OK ? null : result.getSendStatus().toString();
    }

    /** One send, and why it does not count ({@code null} when it does). */
    @FunctionalInterface
    private interface SendCall {
        String send(Message message) throws Exception;
    }

    /** One sending thread's tally; only that thread writes it until it is joined. */
    private static final class Sender implements Runnable {
        private final SendCall call;
        private final String topic;
        private final byte[] body;
        private final CyclicBarrier start;
        private final long durationNanos;
        private final LatencySamples latencies = new LatencySamples();
        private long failures;
        private String firstFailure;

        Sender(SendCall call, String topic, byte[] body, CyclicBarrier start, Duration duration) {
            this.call = call;
            this.topic = topic;
            this.body = body;
            this.start = start;
            this.durationNanos = duration.toNanos();
        }

        @Override
        public void run() {
            try {
                start.await();
                long deadline = System.nanoTime() + durationNanos;
                while (System.nanoTime() < deadline) {
                    sendOnce();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BrokenBarrierException e) {
                fail(e.toString());
            }
        }

        private void sendOnce() throws InterruptedException {
            // a new Message each time: send() stamps a unique id into it, so reusing one would repeat ids
            Message message = new Message(topic, body);
            long begin = System.nanoTime();
            try {
                String failure = call.send(message);
                if (failure == null) {
                    latencies.record(System.nanoTime() - begin);
                } else {
                    fail(failure);
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                fail(e.toString());
            }
        }

        private void fail(String why) {
            failures++;
            if (firstFailure == null) {
                firstFailure = why;
            }
        }
    }

    Measurement run(String workload, String topic, int messageSize, int threads, Duration duration)
            throws InterruptedException {
        byte[] body = new byte[messageSize];
        ThreadLocalRandom.current().nextBytes(body); // incompressible, like most real payloads
        // the clock starts once every thread is ready, so thread start-up is not measured
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Sender> senders = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Sender sender = new Sender(call, topic, body, start, duration);
            Thread thread = new Thread(sender, "bench-send-" + i);
            thread.start();
            senders.add(sender);
            running.add(thread);
        }
        try {
            start.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("a sending thread did not start", e);
        }
        long started = System.nanoTime();
        for (Thread thread : running) {
            thread.join();
        }
        return tally(workload, senders, System.nanoTime() - started);
    }

    private static Measurement tally(String workload, List<Sender> senders, long elapsedNanos) {
        LatencySamples latencies = LatencySamples.merge(senders.stream().map(sender -> sender.latencies).toList());
        long failures = senders.stream().mapToLong(sender -> sender.failures).sum();
        String problem = senders.stream().map(sender -> sender.firstFailure).filter(why -> why != null)
                .findFirst().map(why -> String.format(Locale.ROOT, "%d sends failed, first: %s", failures, why))
                .orElse(null);
        return new Measurement(workload, latencies.count(), failures, elapsedNanos, latencies, problem);
    }
}
