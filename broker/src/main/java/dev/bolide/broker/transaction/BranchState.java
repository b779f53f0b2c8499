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
    /** Prepared, then committed by an operator without its transaction manager; kept until forgotten. */
    HEURISTIC_COMMITTED(false),
    /**
     * Prepared, then rolled back without its transaction manager: by the broker after
     * {@code xaHeuristicTimeout}, or by an operator; kept until forgotten.
     */
    HEURISTIC_ROLLED_BACK(false),
    /** A heuristic decision the transaction manager has taken note of. */
    FORGOTTEN(true);

    /** What builds before hand decisions wrote for {@link #HEURISTIC_ROLLED_BACK}: their stores still hold it. */
    private static final String EARLIER_HEURISTIC_ROLLBACK = "HEURISTIC_ROLLBACK";

    private final boolean over;

    BranchState(boolean over) {
        this.over = over;
    }

    /** Whether nothing more will happen to the branch: the check pass may move past its messages. */
    boolean over() {
        return over;
    }

    /** The state an op record names, in this build's words or an earlier one's. */
    static BranchState named(String name) {
        return EARLIER_HEURISTIC_ROLLBACK.equals(name) ? HEURISTIC_ROLLED_BACK : valueOf(name);
    }

    /** Whether its messages were delivered or discarded: no longer pending as half messages. */
    boolean settled() {
        return this != OPEN && this != PREPARED;
    }

    /** Whether it was decided without its transaction manager, which must forget it. */
    boolean heuristic() {
        return this == HEURISTIC_COMMITTED || this == HEURISTIC_ROLLED_BACK;
    }

    /** Whether XA recover lists the branch. */
    boolean recoverable() {
        return this == PREPARED || heuristic();
    }

    /** The answer to a request that finds the branch in this state and cannot do what it asks. */
    int refusal() {
        return switch (this) {
            case COMMITTED -> BolideResponseCode.BRANCH_COMMITTED;
            case ROLLED_BACK, TIMED_OUT -> BolideResponseCode.BRANCH_ROLLED_BACK;
            case HEURISTIC_COMMITTED -> BolideResponseCode.BRANCH_HEURISTIC_COMMIT;
            case HEURISTIC_ROLLED_BACK -> BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK;
            case OPEN -> BolideResponseCode.BRANCH_NOT_PREPARED;
            case PREPARED -> BolideResponseCode.BRANCH_NOT_HEURISTIC;
            case FORGOTTEN -> BolideResponseCode.BRANCH_UNKNOWN;
        };
    }
}
