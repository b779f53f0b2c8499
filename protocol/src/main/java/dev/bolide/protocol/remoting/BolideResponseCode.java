package dev.bolide.protocol.remoting;

/**
 * Response codes Bolide adds to RocketMQ's, for its own requests ({@link BolideRequestCode}), in the
 * same range 9000 to 9999. Each names the XA error code a resource adapter maps it to.
 */
public final class BolideResponseCode {
    /** The broker has no branch with that id: nothing was sent in it, or it ended long ago. XA: XAER_NOTA. */
    public static final int BRANCH_UNKNOWN = 9100;
    /**
     * The branch was rolled back: by a rollback, or by the broker because it stayed open, not
     * prepared, longer than {@code xaBranchTimeout} (the remark says which). XA: XA_RBTIMEOUT when
     * the broker did it, XA_RBROLLBACK otherwise.
     */
    public static final int BRANCH_ROLLED_BACK = 9101;
    /** The branch was committed; a rollback cannot undo it. XA: XA_HEURCOM when asked to roll back. */
    public static final int BRANCH_COMMITTED = 9102;
    /**
     * The prepared branch was rolled back without its transaction manager: by the broker after
     * {@code xaHeuristicTimeout}, or by an operator from the console. The broker remembers it until
     * BRANCH_FORGET. XA: XA_HEURRB.
     */
    public static final int BRANCH_HEURISTIC_ROLLBACK = 9103;
    /** A two-phase commit of a branch that was not prepared. XA: XAER_PROTO. */
    public static final int BRANCH_NOT_PREPARED = 9104;
    /** BRANCH_FORGET of a branch that was not decided heuristically. XA: XAER_PROTO. */
    public static final int BRANCH_NOT_HEURISTIC = 9105;
    /**
     * The broker holds other than the number of the branch's messages the prepare or one-phase commit
     * counts: fewer (it restarted and lost half messages not yet on disk), or more (a send answered
     * with an error was stored all the same, then sent again). It rolled the branch back rather than
     * deliver part of it, or a copy. XA: XA_RBINTEGRITY.
     */
    public static final int BRANCH_INCOMPLETE = 9106;
    /**
     * The prepared branch was committed without its transaction manager, by an operator from the
     * console (the broker never commits on its own). The broker remembers it until BRANCH_FORGET.
     * XA: XA_HEURCOM.
     */
    public static final int BRANCH_HEURISTIC_COMMIT = 9107;

    private BolideResponseCode() {
    }
}
