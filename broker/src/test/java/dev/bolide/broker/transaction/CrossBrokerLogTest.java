package dev.bolide.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.bolide.protocol.xa.BranchId;
import dev.bolide.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a broker remembers of transactions spanning brokers outlives its restart, and no longer than needed. */
class CrossBrokerLogTest {
    private static final String BRANCH = "1112493129:0a0b:01";

    @TempDir
    Path dir;

    private CrossBrokerLog last;
    private final MutableClock clock = new MutableClock();

    /** The log as a restarted broker reads it: the previous one closed as a kill -9 closes it, nothing forced. */
    private CrossBrokerLog reopened() throws Exception {
        close();
        last = CrossBrokerLog.open(dir.resolve("crossBrokerTransactions.log"), clock);
        return last;
    }

    @AfterEach
    void close() throws Exception {
        if (last != null) {
            last.close();
        }
    }

    @Test
    void aParticipantKnowsItsCoordinatorAfterARestartUntilItsBranchIsOver() throws Exception {
        reopened().coordinatedBy(BRANCH, "127.0.0.1:10911");

        CrossBrokerLog afterRestart = reopened();
        assertThat(afterRestart.coordinators()).isEqualTo(Map.of(BRANCH, "127.0.0.1:10911"));
        afterRestart.resolved(BRANCH);
        assertThat(reopened().coordinators()).isEmpty();
    }

    @Test
    void aCoordinatorKeepsItsDecisionAfterARestartUntilEveryParticipantAppliedIt() throws Exception {
        reopened().committed(BRANCH, List.of("broker-b", "broker-c"));

        CrossBrokerLog afterRestart = reopened();
        assertThat(afterRestart.isCommitted(BRANCH)).isTrue();
        afterRestart.applied(BRANCH, List.of("broker-b"));
        assertThat(reopened().isCommitted(BRANCH)).isTrue();
        reopened().applied(BRANCH, List.of("broker-c"));
        assertThat(reopened().isCommitted(BRANCH)).isFalse();
    }

    @Test
    void aLineTornByACrashIsDroppedAndWhatCameBeforeIsKept() throws Exception {
        // torn within the decision's time: whole-looking, but without its line end
        Files.writeString(dir.resolve("crossBrokerTransactions.log"),
                "C " + BRANCH + " 127.0.0.1:10911\nD 1112493129:0c:01 broker-b 17");

        CrossBrokerLog afterRestart = reopened();
        assertThat(afterRestart.coordinators()).containsOnlyKeys(BRANCH);
        assertThat(afterRestart.isCommitted("1112493129:0c:01")).isFalse();
    }

    @Test
    void aDecisionNoParticipantConfirmsIsForgottenOnceItsReservedTimeIsOver() throws Exception {
        Duration reservedTime = Duration.ofHours(72);
        reopened().committed(BRANCH, List.of("broker-b", "broker-c"));
        reopened().applied(BRANCH, List.of("broker-b"));
        long decidedAt = clock.millis();

        clock.advance(reservedTime.minusMillis(1));
        assertThat(reopened().expire(reservedTime)).isEmpty();
        assertThat(last.unconfirmed()).containsExactly(new UnconfirmedDecision(BRANCH, decidedAt, List.of("broker-c")));

        clock.advance(Duration.ofMillis(1));
        assertThat(last.expire(reservedTime)).containsExactly(new UnconfirmedDecision(BRANCH, decidedAt,
                List.of("broker-c")));
        assertThat(last.isCommitted(BRANCH)).isFalse();
        assertThat(reopened().isCommitted(BRANCH)).isFalse();
        assertThat(last.unconfirmed()).isEmpty();
    }

    @Test
    void aDecisionOfAnEarlierBuildsJournalCountsItsReservedTimeFromTheStart() throws Exception {
        Files.writeString(dir.resolve("crossBrokerTransactions.log"), "D " + BRANCH + " broker-b\n");
        long started = clock.millis();

        assertThat(reopened().unconfirmed()).containsExactly(new UnconfirmedDecision(BRANCH, started,
                List.of("broker-b")));
        clock.advance(Duration.ofHours(1));
        assertThat(reopened().unconfirmed()).extracting(UnconfirmedDecision::decidedAt).containsExactly(started);
    }

    @Test
    void onlyLocalTransactionsAreAskedAbout() {
        assertThat(CrossBrokerRequests.localBranch(BRANCH)).isEqualTo(BRANCH);
        String adapters = BranchId.of(BranchId.ADAPTER_LOCAL_FORMAT_ID, new byte[] {0x0a}, new byte[] {1}).text();
        assertThat(CrossBrokerRequests.localBranch(adapters)).isEqualTo(adapters);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CrossBrokerRequests.localBranch("4660:0a0b:01"))
                .withMessageContaining("transaction manager");
    }
}
