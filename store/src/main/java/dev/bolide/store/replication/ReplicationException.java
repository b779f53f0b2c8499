package dev.bolide.store.replication;

/** Replicated bytes the store refuses, because taking them would make it differ from its master. */
public final class ReplicationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the bytes do not fit. */
    public enum Reason {
        /** They start beyond the end of the CommitLog: something in between is missing. */
        GAP,
        /** They overlap stored bytes that are different: the two logs have diverged. */
        DIVERGED,
        /** The replica's CommitLog goes further than the master's. */
        AHEAD,
        /** The master no longer holds the bytes the replica needs next. */
        GONE
    }

    private final Reason reason;

    public ReplicationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
