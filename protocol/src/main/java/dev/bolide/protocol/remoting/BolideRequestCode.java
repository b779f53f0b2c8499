package dev.bolide.protocol.remoting;

/**
 * Request codes Bolide adds to RocketMQ's, in a range of its own, 9000 to 9999, that RocketMQ does
 * not use (4.9 stays below 400; 5.x adds codes in the 1000s, 2000s and from 200000). A RocketMQ
 * client never sends them; a RocketMQ broker answers them with REQUEST_CODE_NOT_SUPPORTED.
 *
 * <h2>XA branches (9002 to 9006)</h2>
 * A branch is a group of half messages sent to one broker (a transactional send, {@code TRAN_MSG=true},
 * with {@code PGROUP}) that carry the same {@code BOLIDE_XID} property: the branch id in the text form
 * of {@link dev.bolide.protocol.xa.BranchId}, {@code formatId:gtrid-hex:bqual-hex}. Such messages are
 * never checked back with their producer group; the branch requests below decide them, all together.
 * Each request has header {@code branch} (that text), goes to the master of the broker the messages
 * were sent to, and is answered SUCCESS or one of the branch codes of {@link BolideResponseCode}; a
 * missing or malformed header is answered SYSTEM_ERROR with a remark saying why. An open branch (sent
 * to, not prepared) idle for the broker's {@code xaBranchTimeout} is rolled back by the broker.
 *
 * <p>Repeating a request that succeeded succeeds again (commit of a committed branch, rollback of a
 * rolled-back one, prepare of a prepared one) as long as the broker still lists the branch: for
 * {@code xaBranchTimeout} after the decision, and at least until its check pass has moved past the
 * branch's last half message; later the branch is BRANCH_UNKNOWN. A request contradicting the decision is refused:
 * commit of a rolled-back branch answers BRANCH_ROLLED_BACK, rollback of a committed one
 * BRANCH_COMMITTED.
 *
 * <p>A half message of a branch is answered before it is on disk, even under SYNC_FLUSH: only the
 * prepare (or one-phase commit) must be, and its flush covers every earlier record. A broker that
 * crashes meanwhile may come back with some of the branch's messages only; the {@code messages}
 * count of the prepare or one-phase commit is how it tells, instead of delivering part of a
 * transaction.
 */
public final class BolideRequestCode {
    /**
     * Stores a dead letter again in the topic it was first sent to. Header {@code offset}: the
     * dead letter's CommitLog offset (what its offset message id encodes). Answered like a send:
     * {@code msgId}, {@code queueId}, {@code queueOffset} of the new message.
     */
    public static final int RESEND_DEAD_LETTER = 9001;

    /**
     * XA prepare: makes the open branch durable; SUCCESS is answered only once the broker's record of
     * it is on disk (whatever {@code flushDiskType}), and from then on only BRANCH_COMMIT or
     * BRANCH_ROLLBACK decide it (or, heuristically, an operator from the console or, with
     * {@code xaHeuristicTimeout} set, the broker's rollback).
     * Headers {@code branch} and, optionally, {@code messages}: how many half messages the client sent
     * to this broker in the branch. Answers: SUCCESS; BRANCH_UNKNOWN (no message was sent in the branch,
     * or it is long over); BRANCH_ROLLED_BACK (the broker or a rollback ended it); BRANCH_COMMITTED;
     * BRANCH_INCOMPLETE (the broker holds fewer or more than {@code messages}: it rolled the branch back).
     * Optional header {@code receipts}: the messages the client received in the branch from this
     * broker's queues ({@code group,topic,queueId,offset;...}, see
     * {@link dev.bolide.protocol.xa.BranchReceipt}); the broker records them with the PREPARED
     * decision (a branch with receipts and no send is created by its prepare), pulls of the group skip
     * them from then on, a commit consumes them and a rollback sends each to {@code %RETRY%group} with
     * its reconsume count + 1. RocketMQ's own requests are unchanged: only this code carries them.
     */
    public static final int BRANCH_PREPARE = 9002;

    /**
     * XA commit: delivers every half message of the branch to its real topic, in send order, in one
     * append with the branch's op record, so that consumers see all of them or none. Headers
     * {@code branch}, {@code onePhase} ({@code true}: the branch need not be prepared; {@code false}:
     * it must be) and, optionally, {@code messages}, checked as by BRANCH_PREPARE when the commit is
     * one-phase. Answers: SUCCESS; BRANCH_UNKNOWN; BRANCH_NOT_PREPARED (two-phase commit of an open
     * branch); BRANCH_ROLLED_BACK; BRANCH_INCOMPLETE; BRANCH_HEURISTIC_ROLLBACK (the broker, after
     * {@code xaHeuristicTimeout}, or an operator rolled the prepared branch back: answer BRANCH_FORGET
     * after settling it); BRANCH_HEURISTIC_COMMIT (an operator committed it: the same).
     */
    public static final int BRANCH_COMMIT = 9003;

    /**
     * XA rollback: discards every half message of the branch, open or prepared. Header
     * {@code branch}. Answers: SUCCESS (also when the broker had rolled it back already, at its
     * timeout); BRANCH_UNKNOWN; BRANCH_COMMITTED; BRANCH_HEURISTIC_ROLLBACK; BRANCH_HEURISTIC_COMMIT.
     */
    public static final int BRANCH_ROLLBACK = 9004;

    /**
     * XA recover: the branches of this broker, whoever prepared them, that are prepared and not
     * decided, plus those decided heuristically and not forgotten. No header. Answers SUCCESS
     * with a JSON body: an array of branch id texts, e.g. {@code ["4660:0a0b:01"]}, empty when none.
     */
    public static final int BRANCH_RECOVER = 9005;

    /**
     * XA forget: the transaction manager has taken note of a heuristic decision, so the broker may
     * forget the branch. Header {@code branch}. Answers: SUCCESS; BRANCH_UNKNOWN; BRANCH_NOT_HEURISTIC
     * for a branch the broker did not decide heuristically.
     */
    public static final int BRANCH_FORGET = 9006;

    /**
     * The outcome of a local transaction that spanned brokers, asked of its coordinator. A transacted
     * session (branch ids of format {@code 0x424F4C49}, "BOLI") that sent to several brokers prepares
     * its branch on every broker but one, the coordinator, with header {@code coordinator} (the
     * coordinator's {@code host:port}) on BRANCH_PREPARE; then commits the coordinator's branch in one
     * phase with header {@code participants} (the other brokers' names, comma-separated): that commit
     * is the transaction's decision, which the coordinator keeps until every participant has applied
     * it; then commits the participants. A participant whose branch stays prepared longer than its
     * {@code transactionTimeout} (the client died, or the participant restarted) asks this of the
     * coordinator and commits or rolls back. Presumed abort: a coordinator without a commit decision
     * answers ROLLBACK, and rolls back its own branch if still open so that a late commit cannot
     * succeed.
     *
     * <p>Headers {@code branch}; optionally {@code applied}: participants' names, comma-separated,
     * that applied the outcome (the coordinator forgets the decision once all did), which makes the
     * request a report answered SUCCESS alone. Otherwise answers SUCCESS with ext field
     * {@code outcome}: {@code COMMIT}, {@code ROLLBACK}, or {@code UNKNOWN} (ask again later). The number is the last of Bolide's range, so that codes added from 9007 up never meet it.
     */
    public static final int BRANCH_OUTCOME = 9999;

    private BolideRequestCode() {
    }
}
