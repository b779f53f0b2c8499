package dev.bolide.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a SYNC_MASTER's sends wait for their slaves' reports. */
class SlaveAcknowledgementsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void withoutASlaveASendIsAnsweredSlaveNotAvailableAtOnce() {
        SlaveAcknowledgements acks = new SlaveAcknowledgements(1_000, TIMEOUT);

        assertThat(acks.whenReplicated(100)).isCompletedWithValue(ReplicationStatus.SLAVE_NOT_AVAILABLE);
    }

    @Test
    void aSlaveTooFarBehindIsNotWaitedFor() {
        SlaveAcknowledgements acks = new SlaveAcknowledgements(1_000, TIMEOUT);
        acks.slaveConnected();
        acks.acknowledged(500);

        assertThat(acks.whenReplicated(1_499)).isNotDone();
        assertThat(acks.whenReplicated(1_500)).isCompletedWithValue(ReplicationStatus.SLAVE_NOT_AVAILABLE);
    }

    @Test
    void oneReportCompletesEverySendItCoversAndOnlyThose() {
        SlaveAcknowledgements acks = new SlaveAcknowledgements(1_000_000, TIMEOUT);
        acks.slaveConnected();
        CompletableFuture<ReplicationStatus> first = acks.whenReplicated(100);
        CompletableFuture<ReplicationStatus> second = acks.whenReplicated(200);
        CompletableFuture<ReplicationStatus> third = acks.whenReplicated(300);

        acks.acknowledged(200);

        assertThat(first).isCompletedWithValue(ReplicationStatus.REPLICATED);
        assertThat(second).isCompletedWithValue(ReplicationStatus.REPLICATED);
        assertThat(third).isNotDone();
        assertThat(acks.whenReplicated(150)).isCompletedWithValue(ReplicationStatus.REPLICATED);
    }

    @Test
    void aSendNoSlaveAcknowledgesInTimeIsAnsweredFlushSlaveTimeout() throws Exception {
        SlaveAcknowledgements acks = new SlaveAcknowledgements(1_000_000, Duration.ofMillis(50));
        acks.slaveConnected();

        assertThat(acks.whenReplicated(100).get(30, TimeUnit.SECONDS)).isEqualTo(ReplicationStatus.FLUSH_SLAVE_TIMEOUT);
    }

    @Test
    void aReportBelowTheBestOneChangesNothing() {
        SlaveAcknowledgements acks = new SlaveAcknowledgements(1_000_000, TIMEOUT);
        acks.slaveConnected();
        acks.acknowledged(300);
        acks.acknowledged(100);

        assertThat(acks.acknowledgedOffset()).isEqualTo(300);
        acks.slaveDisconnected();
        assertThat(acks.connectedSlaves()).isZero();
    }
}
