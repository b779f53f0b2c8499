package dev.bolide.broker.transaction;

import dev.bolide.protocol.message.MessageSysFlag;
import java.util.Optional;

/** How a transaction ended. The first resolution recorded for a transaction is final. */
enum Resolution {
    /** The producer committed: the message was delivered to its real topic. */
    COMMIT("committed"),
    /** The producer rolled back: the message was discarded. */
    ROLLBACK("rolled back"),
    /** The producer never decided within {@code transactionCheckMax} check-backs: the broker moved the message aside. */
    MOVED_ASIDE("moved aside");

    private final String pastTense;

    Resolution(String pastTense) {
        this.pastTense = pastTense;
    }

    /** The resolution END_TRANSACTION's {@code commitOrRollback} asks for; empty for "unknown" (0) and anything else. */
    static Optional<Resolution> requested(int commitOrRollback) {
        return switch (commitOrRollback) {
            case MessageSysFlag.TRANSACTION_COMMIT_TYPE -> Optional.of(COMMIT);
            case MessageSysFlag.TRANSACTION_ROLLBACK_TYPE -> Optional.of(ROLLBACK);
            default -> Optional.empty();
        };
    }

    String pastTense() {
        return pastTense;
    }
}
