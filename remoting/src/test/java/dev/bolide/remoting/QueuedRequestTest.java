package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueuedRequestTest {
    @Test
    void theHeadOfTheQueueHasWaitedSinceItWasQueued() throws Exception {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        CountDownLatch release = new CountDownLatch(1);
        try {
            executor.execute(() -> awaitQuietly(release));
            long idle = QueuedRequest.headWaitMillis(executor.getQueue(), 5_000);
            executor.execute(new QueuedRequest(1_000, () -> { }));
            executor.execute(new QueuedRequest(3_000, () -> { }));

            assertThat(idle).isZero();
            assertThat(QueuedRequest.headWaitMillis(executor.getQueue(), 5_000)).isEqualTo(4_000);
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
