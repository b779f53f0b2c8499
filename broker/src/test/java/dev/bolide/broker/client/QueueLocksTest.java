package dev.bolide.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueLocksTest {
    private static final QueueLocks.Queue Q0 = new QueueLocks.Queue("T", "broker-a", 0);
    private static final QueueLocks.Queue Q1 = new QueueLocks.Queue("T", "broker-a", 1);
    private final MutableClock clock = new MutableClock();
    private final QueueLocks locks = new QueueLocks(clock, 60_000);

    @Test
    void aQueueHeldByOneClientIsNotGrantedToAnother() {
        assertThat(locks.lock("CG", "c1", List.of(Q0))).containsExactly(Q0);

        assertThat(locks.lock("CG", "c2", List.of(Q0, Q1))).containsExactly(Q1);
        assertThat(locks.lock("OTHER", "c2", List.of(Q0))).as("locks are per group").containsExactly(Q0);
    }

    @Test
    void theHolderRenewsAndAnExpiredLockGoesToTheNextClient() {
        locks.lock("CG", "c1", List.of(Q0));
        clock.advance(Duration.ofSeconds(50));
        assertThat(locks.lock("CG", "c1", List.of(Q0))).containsExactly(Q0);
        clock.advance(Duration.ofSeconds(50));
        assertThat(locks.lock("CG", "c2", List.of(Q0))).isEmpty();

        clock.advance(Duration.ofSeconds(11));

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
