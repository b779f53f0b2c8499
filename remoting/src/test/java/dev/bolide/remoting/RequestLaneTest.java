package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestLaneTest {
    private final RequestLane lane = new RequestLane("bolide-test-lane");
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        lane.close();
    }

    @Test
    void aRequestHandedToAnIdleLaneRunsOnTheThreadThatHandsItIn() {
        lane.inlineWhenIdle().execute(() -> ran.add(Thread.currentThread().getName()));

        assertThat(ran).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aRequestHandedOffRunsOnTheLanesThread() {
        lane.handedOff().execute(() -> ran.add(Thread.currentThread().getName()));

        await().untilAsserted(() -> assertThat(ran).containsExactly("bolide-test-lane"));
    }

    @Test
    void requestsHandedInWhileTheLaneIsBusyRunAfterItOneAtATimeInTheirOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        lane.handedOff().execute(() -> {
            awaitQuietly(release);
            ran.add("first");
        });
        for (int i = 0; i < 100; i++) {
            String name = Integer.toString(i);
            lane.inlineWhenIdle().execute(() -> {
                ran.add(name + (running.incrementAndGet() == 1 ? "" : " overlapping"));
                running.decrementAndGet();
            });
        }
        assertThat(ran).as("nothing runs before the busy request is done").isEmpty();

        release.countDown();

        await().untilAsserted(() -> assertThat(ran).hasSize(101));
        assertThat(ran.get(0)).isEqualTo("first");
        assertThat(ran.subList(1, 101)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 100).mapToObj(Integer::toString).toList());
    }

    @Test
    void anIdleLaneRunsRequestsInlineAgainOnceTheLanesThreadIsDone() {
        lane.handedOff().execute(() -> ran.add("handed off"));
        await().untilAsserted(() -> assertThat(ran).containsExactly("handed off"));
        await().until(() -> lane.queue().isEmpty());

        // the lane's thread counts the request as finished just after running it: poll until it has
        await().untilAsserted(() -> {
            ran.clear();
            String caller = Thread.currentThread().getName();
            lane.inlineWhenIdle().execute(() -> ran.add(Thread.currentThread().getName()));
            assertThat(ran).containsExactly(caller);
        });
    }

    @Test
    void aFailingRequestDoesNotStopTheLane() {
        lane.inlineWhenIdle().execute(() -> {
            throw new IllegalStateException("broken processor");
        });
        lane.handedOff().execute(() -> {
            throw new IllegalStateException("broken processor");
        });
        lane.handedOff().execute(() -> ran.add("after"));

        await().untilAsserted(() -> assertThat(ran).containsExactly("after"));
    }

    @Test
    void aClosedLaneRefusesRequests() {
        lane.close();

        assertThatThrownBy(() -> lane.inlineWhenIdle().execute(() -> ran.add("late")))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(ran).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
