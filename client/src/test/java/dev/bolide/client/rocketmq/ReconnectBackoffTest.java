package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
    private final ReconnectBackoff backoff = new ReconnectBackoff();

    @Test
    void aFailedServerMayBeTriedAgainAfterTheFirstDelay() {
        backoff.failed("b:1");

        assertThat(backoff.mayTry("b:1")).isFalse();
        assertThat(backoff.mayTry("other:1")).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> backoff.mayTry("b:1"));
    }

    @Test
    void eachFailureDoublesTheDelayUpToTheLongest() {
        backoff.failed("b:1");
        Duration first = backoff.wait("b:1");
        backoff.failed("b:1");
        backoff.failed("b:1");

        assertThat(backoff.wait("b:1")).isGreaterThan(first.multipliedBy(3))
                .isLessThanOrEqualTo(ReconnectBackoff.FIRST.multipliedBy(4));
        for (int i = 0; i < 30; i++) {
            backoff.failed("b:1");
        }
        assertThat(backoff.wait("b:1")).isLessThanOrEqualTo(ReconnectBackoff.LONGEST);
    }

    @Test
    void aSuccessEndsTheBackoff() {
        backoff.failed("b:1");

        backoff.succeeded("b:1");

        assertThat(backoff.mayTry("b:1")).isTrue();
    }

    /** The first failure since a success is a server lost (what the ExceptionListener hears); the rest are not. */
    @Test
    void onlyTheFirstFailureSinceASuccessIsALoss() {
        assertThat(backoff.failed("b:1")).isTrue();
        assertThat(backoff.failed("b:1")).isFalse();
        assertThat(backoff.failed("other:1")).isTrue();

        backoff.succeeded("b:1");

        assertThat(backoff.failed("b:1")).isTrue();
    }
}
