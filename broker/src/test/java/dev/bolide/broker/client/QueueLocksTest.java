package dev.bolide.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueLocksTest {
    private static final QueueLocks.Queue Q0 = new QueueLocks.Queue("T", "broker-a", 0);
    private static final QueueLocks.Queue Q1 = new QueueLocks.Queue("T", "broker-a", 1);
    private final MutableClock clock = new MutableClock();
    private final QueueLocks locks = new QueueLocks(clock, 60_000);

    /** A clock the test moves by hand, for lock expiry. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aQueueHeldByOneClientIsNotGrantedToAnother() {
        assertThat(locks.lock("CG", "c1", List.of(Q0))).containsExactly(Q0);

        assertThat(locks.lock("CG", "c2", List.of(Q0, Q1))).containsExactly(Q1);
        assertThat(locks.lock("OTHER", "c2", List.of(Q0))).as("locks are per group").containsExactly(Q0);
    }

    @Test
    void theHolderRenewsAndAnExpiredLockGoesToTheNextClient() {
        locks.lock("CG", "c1", List.of(Q0));
        clock.now = clock.now.plus(Duration.ofSeconds(50));
        assertThat(locks.lock("CG", "c1", List.of(Q0))).containsExactly(Q0);
        clock.now = clock.now.plus(Duration.ofSeconds(50));
        assertThat(locks.lock("CG", "c2", List.of(Q0))).isEmpty();

        clock.now = clock.now.plus(Duration.ofSeconds(11));

        assertThat(locks.lock("CG", "c2", List.of(Q0))).containsExactly(Q0);
    }

    @Test
    void onlyTheHolderCanUnlock() {
        locks.lock("CG", "c1", List.of(Q0));

        locks.unlock("CG", "c2", List.of(Q0));
        assertThat(locks.lock("CG", "c2", List.of(Q0))).isEmpty();

        locks.unlock("CG", "c1", List.of(Q0));
        assertThat(locks.lock("CG", "c2", List.of(Q0))).containsExactly(Q0);
    }
}
