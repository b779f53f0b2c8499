package dev.bolide.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenTransactionsTest {
    private final OpenTransactions open = new OpenTransactions(10);

    @Test
    void onlyTheFirstClaimIsGrantedAndLaterOnesLearnHowItEnded() {
        OpenTransactions.Claim first = open.claim(12, 12, Resolution.COMMIT, 0);
        OpenTransactions.Claim second = open.claim(12, 12, Resolution.COMMIT, 0);
        OpenTransactions.Claim rollback = open.claim(12, 30, Resolution.ROLLBACK, 0);

        assertThat(first.granted()).isTrue();
        assertThat(second).isEqualTo(new OpenTransactions.Claim(false, Optional.of(Resolution.COMMIT)));
        assertThat(rollback.granted()).isFalse();
    }

    @Test
    void anUnlistedTransactionBehindTheProgressOffsetIsOver() {
        assertThat(open.claim(3, 3, Resolution.COMMIT, 0)).isEqualTo(OpenTransactions.Claim.FORGOTTEN);
    }

    @Test
    void aReleasedClaimLeavesTheTransactionOpen() {
        open.claim(12, 12, Resolution.COMMIT, 0);
        open.release(12);

        assertThat(open.isResolved(12)).isFalse();
        assertThat(open.claim(12, 12, Resolution.ROLLBACK, 0).granted()).isTrue();
    }

    @Test
    void onlyTheNewestRecordOfAnOpenTransactionIsLive() {
        assertThat(open.sighted(11, 11)).isEqualTo(OpenTransactions.Sighting.LIVE);
        open.copied(11, 20);

        assertThat(open.sighted(11, 11)).isEqualTo(OpenTransactions.Sighting.SUPERSEDED);
        assertThat(open.sighted(11, 20)).isEqualTo(OpenTransactions.Sighting.LIVE);
        open.claim(11, 11, Resolution.ROLLBACK, 0);
        assertThat(open.sighted(11, 20)).isEqualTo(OpenTransactions.Sighting.RESOLVED);
    }

    @Test
    void advancingForgetsResolvedTransactionsBehindTheOffsetAndKeepsTheOpLogNeededForTheOthers() {
        open.claim(11, 11, Resolution.COMMIT, 0);
        open.recorded(11, 4);
        open.claim(12, 12, Resolution.ROLLBACK, 0);
        open.recorded(12, 5);
        open.sighted(13, 13);

        long opOffset = open.advance(12, 9);

        assertThat(open.size()).isEqualTo(2);
        assertThat(opOffset).as("op record of transaction 12, still ahead of the pass").isEqualTo(5);
        assertThat(open.claim(11, 11, Resolution.ROLLBACK, 0)).isEqualTo(OpenTransactions.Claim.FORGOTTEN);
        assertThat(open.claim(12, 12, Resolution.COMMIT, 0).earlier()).contains(Resolution.ROLLBACK);
        assertThat(open.advance(14, 9)).as("nothing resolved is listed any more").isEqualTo(9);
        assertThat(open.size()).isZero();
    }

    @Test
    void recoveryResolvesOnlyListedTransactions() {
        open.sighted(15, 15);

        open.resolvedEarlier(new OpRecord(15, Resolution.COMMIT, null), 2);
        open.resolvedEarlier(new OpRecord(4, Resolution.ROLLBACK, null), 3);

        assertThat(open.isResolved(15)).isTrue();
        assertThat(open.size()).isEqualTo(1);
    }
}
