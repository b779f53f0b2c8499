package dev.bolide.store.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Many waits sharing one timeout: each still pending after it gets the timeout value, no other. */
class TimeoutsTest {
    private static final Duration LONG = Duration.ofMinutes(10);

    @Test
    void aWaitStillPendingAfterTheTimeoutGetsTheTimeoutValue() {
        Timeouts<String> timeouts = new Timeouts<>(Duration.ofMillis(20), "timed out");
        CompletableFuture<String> first = timeouts.completeOnTimeout(new CompletableFuture<>());
        CompletableFuture<String> second = timeouts.completeOnTimeout(new CompletableFuture<>());

        await().atMost(Duration.ofSeconds(30)).until(() -> first.isDone() && second.isDone());

        assertThat(first).isCompletedWithValue("timed out");
        assertThat(second).isCompletedWithValue("timed out");
        assertThat(timeouts.held()).isZero();
    }

    @Test
    void aWaitCompletedInTimeKeepsItsValue() {
        Timeouts<String> timeouts = new Timeouts<>(Duration.ofMillis(20), "timed out");
        CompletableFuture<String> answered = timeouts.completeOnTimeout(new CompletableFuture<>());
        CompletableFuture<String> pending = timeouts.completeOnTimeout(new CompletableFuture<>());

        answered.complete("done");
        await().atMost(Duration.ofSeconds(30)).until(pending::isDone);

        assertThat(answered).isCompletedWithValue("done");
        assertThat(pending).isCompletedWithValue("timed out");
    }

    @Test
    void anAlreadyCompletedFutureIsNotHeld() {
        Timeouts<String> timeouts = new Timeouts<>(LONG, "timed out");

        assertThat(timeouts.completeOnTimeout(CompletableFuture.completedFuture("done"))).isCompletedWithValue("done");
        assertThat(timeouts.held()).isZero();
    }

    @Test
    void completedWaitsAreDroppedAsNewOnesComeSoTheyAreNotKeptUntilTheTimeout() {
        Timeouts<String> timeouts = new Timeouts<>(LONG, "timed out");
        for (int i = 0; i < 1_000; i++) {
            timeouts.completeOnTimeout(new CompletableFuture<>()).complete("done");
        }
        CompletableFuture<String> pending = timeouts.completeOnTimeout(new CompletableFuture<>());

        assertThat(timeouts.held()).isEqualTo(1);
        assertThat(pending).isNotDone();
    }
}
