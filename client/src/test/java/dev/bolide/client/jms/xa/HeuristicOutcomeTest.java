package dev.bolide.client.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;

import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** What a transaction manager hears when brokers decided its branch heuristically, alone or with others. */
class HeuristicOutcomeTest {
    @Test
    void aHeuristicDecisionAgreeingWithTheManagersIsStillReportedAsHeuristic() {
        assertThat(HeuristicOutcome.code(true, false, true, false)).isEqualTo(XAException.XA_HEURCOM);
        assertThat(HeuristicOutcome.code(false, false, false, true)).isEqualTo(XAException.XA_HEURRB);
        // another broker committed as asked: the branch is committed everywhere
        assertThat(HeuristicOutcome.code(true, true, true, false)).isEqualTo(XAException.XA_HEURCOM);
    }

    @Test
    void aHeuristicDecisionAgainstTheManagersOnTheOnlyBrokerIsThatDecision() {
        assertThat(HeuristicOutcome.code(true, false, false, true)).isEqualTo(XAException.XA_HEURRB);
        assertThat(HeuristicOutcome.code(false, false, true, false)).isEqualTo(XAException.XA_HEURCOM);
    }

    @Test
    void committedOnOneBrokerAndRolledBackOnAnotherIsMixed() {
        assertThat(HeuristicOutcome.code(true, true, false, true)).isEqualTo(XAException.XA_HEURMIX);
        assertThat(HeuristicOutcome.code(false, true, true, false)).isEqualTo(XAException.XA_HEURMIX);
        assertThat(HeuristicOutcome.code(true, false, true, true)).isEqualTo(XAException.XA_HEURMIX);
    }
}
