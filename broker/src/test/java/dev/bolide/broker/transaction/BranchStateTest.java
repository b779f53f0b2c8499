package dev.bolide.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.protocol.remoting.BolideResponseCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The heuristic states of an XA branch: listed by recover and held until forgotten, answered to the
 * transaction manager with the heuristic answer, and read from stores of builds that named the
 * heuristic rollback HEURISTIC_ROLLBACK.
 */
class BranchStateTest {
    @Test
    void heuristicBranchesAreRecoveredAndNotOverUntilForgotten() {
        for (BranchState state : List.of(BranchState.HEURISTIC_COMMITTED, BranchState.HEURISTIC_ROLLED_BACK)) {
            assertThat(state.heuristic()).as(state.name()).isTrue();
            assertThat(state.recoverable()).as(state.name()).isTrue();
            assertThat(state.over()).as(state.name()).isFalse();
        }
        assertThat(BranchState.FORGOTTEN.recoverable()).isFalse();
        assertThat(BranchState.FORGOTTEN.over()).isTrue();
    }

    @Test
    void theTransactionManagersDecisionIsAnsweredWithTheHeuristicOne() {
        assertThat(BranchState.HEURISTIC_COMMITTED.refusal()).isEqualTo(BolideResponseCode.BRANCH_HEURISTIC_COMMIT);
        assertThat(BranchState.HEURISTIC_ROLLED_BACK.refusal())
                .isEqualTo(BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK);
    }

    @Test
    void anEarlierStoresHeuristicRollbackIsReadAsHeuristicRolledBack() {
        assertThat(BranchState.named("HEURISTIC_ROLLBACK")).isEqualTo(BranchState.HEURISTIC_ROLLED_BACK);
        assertThat(BranchState.named("HEURISTIC_COMMITTED")).isEqualTo(BranchState.HEURISTIC_COMMITTED);
    }
}
