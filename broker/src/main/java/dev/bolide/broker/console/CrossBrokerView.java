package dev.bolide.broker.console;

import dev.bolide.broker.transaction.CoordinatedBranch;
import dev.bolide.broker.transaction.UnconfirmedDecision;
import java.time.Clock;
import java.util.List;

/**
 * Local transactions that spanned brokers, as this broker sees them: the commit decisions it took as
 * coordinator that some participant has not confirmed (kept until {@code crossBrokerDecisionReservedTime}),
 * and the branches it prepared as participant that still need their coordinator (in doubt while
 * PREPARED: the broker asks the coordinator every {@code transactionCheckInterval}).
 */
final class CrossBrokerView implements View {
    private final List<UnconfirmedDecision> decisions;
    private final List<CoordinatedBranch> participating;
    private final Clock clock;

    CrossBrokerView(List<UnconfirmedDecision> decisions, List<CoordinatedBranch> participating, Clock clock) {
        this.decisions = decisions;
        this.participating = participating;
        this.clock = clock;
    }

    @Override
    public String title() {
        return "Transactions across brokers";
    }

    @Override
    public List<Table> tables() {
        long now = clock.millis();
        List<List<Cell>> unconfirmed = decisions.stream().map(decision -> List.of(Cell.fixed(decision.branch()),
                Cell.time(decision.decidedAt()),
                Cell.age(decision.decidedAt(), now),
                Cell.fixed(String.join(", ", decision.waitingFor())))).toList();
        List<List<Cell>> waiting = participating.stream().map(branch -> List.of(Cell.fixed(branch.branch()),
                Cell.fixed(branch.state()), Cell.fixed(branch.coordinator()))).toList();
        return List.of(new Table(unconfirmed.size() + " commit decisions not confirmed by every participant",
                List.of("branch", "decided", "age", "not confirmed by"), unconfirmed),
                new Table(waiting.size() + " branches prepared here awaiting their coordinator",
                        List.of("branch", "state", "coordinator"), waiting));
    }
}
