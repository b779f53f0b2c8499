package dev.bolide.client.jms.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session's serial thread of control on a shared pool of many threads. */
class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final SerialExecutor serial = new SerialExecutor(pool);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tasksRunOneAtATimeInTheOrderGiven() {
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        for (int i = 0; i < 1_000; i++) {
            int task = i;
            serial.execute(() -> {
                overlapped.compareAndSet(false, running.incrementAndGet() > 1);
                order.add(task);
                running.decrementAndGet();
            });
        }

        serial.awaitIdle();

        assertThat(overlapped).isFalse();
        assertThat(order).hasSize(1_000).isSorted();
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() {
        List<String> ran = new CopyOnWriteArrayList<>();
        serial.execute(() -> {
            throw new IllegalStateException("a listener bug");
        });
        serial.execute(() -> ran.add("next"));

        serial.awaitIdle();

        assertThat(ran).containsExactly("next");
    }

    @Test
    void onlyTheThreadRunningATaskIsItsCurrentThread() throws InterruptedException {
        CountDownLatch checked = new CountDownLatch(1);
        AtomicBoolean insideIsCurrent = new AtomicBoolean();
        serial.execute(() -> {
            insideIsCurrent.set(serial.isCurrentThread());
            checked.countDown();
        });

        assertThat(checked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(insideIsCurrent).isTrue();
        assertThat(serial.isCurrentThread()).isFalse();
    }

    @Test
    void tasksGivenAfterThePoolClosedAreRefusedWithoutBlockingAwaitIdle() {
        pool.shutdown();
        List<String> ran = new CopyOnWriteArrayList<>();

        serial.execute(() -> ran.add("refused"));
        serial.awaitIdle();

        assertThat(ran).isEmpty();
    }
}
