package dev.bolide.broker.transaction;

import dev.bolide.protocol.remoting.BolideResponseCode;

/**
 * Where an XA branch stands on the broker. Every state but {@link #OPEN} is written to the op log
 * ({@link BranchOpRecord}) when the branch enters it, so that it survives a restart.
 */
enum BranchState {
    /** Half messages were sent in the branch; nothing was decided. */
    OPEN(false),
    /** Durable: only its transaction manager (or a heuristic timeout) decides it. */
    PREPARED(false),
    /** Its messages were delivered. */
    COMMITTED(true),
    /** Its messages were discarded, at a rollback. */
    ROLLED_BACK(true),
    /** Its messages were discarded by the broker: the branch stayed open, not prepared, past {@code xaBranchTimeout}. */
    TIMED_OUT(true),
    /** Prepared, then rolled back by the broker after {@code xaHeuristicTimeout}; kept until forgotten. */
    HEURISTIC_ROLLBACK(false),
    /** A heuristic rollback the transaction manager has taken note of. */
    FORGOTTEN(true);

    private final boolean over;

    BranchState(boolean over) {
        this.over = over;
    }

    /** Whether nothing more will happen to the branch: the check pass may move past its messages. */
    boolean over() {
        return over;
    }

    /** Whether XA recover lists the branch. */
    boolean recoverable() {
        return this == PREPARED || this == HEURISTIC_ROLLBACK;
    }

    /** The answer to a request that finds the branch in this state and cannot do what it asks. */
    int refusal() {
        return switch (this) {
            case COMMITTED -> BolideResponseCode.BRANCH_COMMITTED;
            case ROLLED_BACK, TIMED_OUT -> BolideResponseCode.BRANCH_ROLLED_BACK;
            case HEURISTIC_ROLLBACK -> BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK;
            case OPEN -> BolideResponseCode.BRANCH_NOT_PREPARED;
            case PREPARED -> BolideResponseCode.BRANCH_NOT_HEURISTIC;
            case FORGOTTEN -> BolideResponseCode.BRANCH_UNKNOWN;
        };
    }
}
