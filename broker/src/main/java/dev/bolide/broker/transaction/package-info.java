/**
 * Transactional messages: half messages, their resolution by END_TRANSACTION, and the check-back
 * of undecided ones.
 *
 * <h2>Storage: the CommitLog is the truth</h2>
 * <ul>
 * <li>A prepared send ({@code TRAN_MSG=true}) is stored in {@code RMQ_SYS_TRANS_HALF_TOPIC} queue 0
 * with {@code REAL_TOPIC}/{@code REAL_QID}/{@code PGROUP}; no consumer reads that topic.</li>
 * <li>Each resolution appends one op record to {@code RMQ_SYS_TRANS_OP_HALF_TOPIC} queue 0 (tag
 * {@code d}, body = the transaction key as decimal ASCII, property {@code BOLIDE_RESOLUTION} =
 * COMMIT, ROLLBACK or MOVED_ASIDE). A commit appends the committed message and its op record in
 * one append, a move-aside the moved-aside copy and its op record: what a resolution delivers and
 * the record that it happened reach the CommitLog together.</li>
 * <li>Each check-back first appends a copy of the half message (with {@code TRANSACTION_CHECK_TIMES}
 * counted up and {@code TRAN_PREPARED_QUEUE_OFFSET} naming the first half message), so the check
 * pass can move past the older record. The transaction's key is the half queue offset of its first
 * half message, whichever copy a producer answers.</li>
 * <li>Transactions checked back {@code transactionCheckMax} times without a decision are moved to
 * {@code TRANS_CHECK_MAX_TIME_TOPIC} queue 0, an ordinary readable topic: pull it (or query it by
 * key) to list them; every property, {@code REAL_TOPIC} and {@code UNIQ_KEY} included, is kept.</li>
 * </ul>
 *
 * <h2>Progress and memory</h2>
 * The check pass walks the half queue from a progress offset and stops the offset at the first
 * transaction too young to check. The offset, and the op queue offset from which every resolution
 * still needed is found, are saved together after each pass ({@code config/transactionProgress.json}).
 * In memory the broker only lists transactions with records at or after the progress offset
 * ({@code OpenTransactions}); at start it rebuilds that list by
 * reading the half queue from the saved offset and the op queue from the saved op offset. A
 * transaction behind the offset and not listed is over, so a second END_TRANSACTION, or one after
 * a restart, after a kill -9 even, changes nothing.
 *
 * <h2>XA branches</h2>
 * A half message sent inside an XA branch carries the branch identifier (the Xid as
 * {@code formatId:gtrid-hex:bqual-hex}, {@code dev.bolide.protocol.xa.BranchId}) in property
 * {@code BOLIDE_XID}. The branch requests ({@code BolideRequestCode} 9002 to 9006, served by
 * {@code BranchProcessor}) decide a branch as a whole, through {@code BranchCoordinator}, one decision at
 * a time:
 * <ul>
 * <li>Each change of a branch's state appends one op record ({@code BranchOpRecord}): tag {@code d},
 * body {@code -1} (no single transaction key: the whole branch), {@code BOLIDE_XID}, and the new state
 * in {@code BOLIDE_RESOLUTION}: PREPARED, COMMITTED, ROLLED_BACK, TIMED_OUT (rolled back by the broker,
 * open and idle past {@code xaBranchTimeout}), HEURISTIC_COMMITTED (committed by an operator from
 * the console), HEURISTIC_ROLLED_BACK (prepared past a set {@code xaHeuristicTimeout}, or rolled back
 * by an operator; stores of earlier builds name it HEURISTIC_ROLLBACK), FORGOTTEN (BRANCH_FORGET
 * after a heuristic decision). A heuristic branch stays listed by XA recover until forgotten; its
 * transaction manager's commit or rollback is answered BRANCH_HEURISTIC_COMMIT or
 * BRANCH_HEURISTIC_ROLLBACK and changes nothing.</li>
 * <li>A prepare is answered once its op record is on disk: under SYNC_FLUSH the append waits for the
 * flush; under ASYNC_FLUSH the CommitLog is forced explicitly ({@code MessageStore.flush()}).</li>
 * <li>A commit appends the committed copy of every half message of the branch, in half queue (send)
 * order, and the op record in one append, as a single END_TRANSACTION commit does for one message:
 * consumers see all of them or none. A one-phase commit of a branch never prepared commits directly.
 * The branch's messages are found through {@code BranchMembers}, which the store's dispatcher (and,
 * at start, recovery) tells about every half message of a branch, so deciding a branch reads its own
 * messages only.</li>
 * <li>The check pass never checks back or moves aside a message of a branch. It holds the progress
 * offset at the first message of a branch that is not over (open, prepared, or decided
 * heuristically and not forgotten), so a branch's messages and op records are always within what recovery
 * reads; a prepared branch therefore keeps the check window, and the list of transactions in it,
 * open until it is decided. The op offset saved with the progress is also kept at or before the
 * first op record of every branch still listed.</li>
 * <li>A branch that only received from this broker's queues holds no half message: known from its
 * prepare, it gets the same timeouts after each pass as those the pass meets. Retention may delete
 * the PREPARED op record that named a receipt before the group consumed past the message (a restart
 * then holds it no more), but only with the message: it was stored before it was received, hence
 * before the prepare, and CommitLog files go oldest first.</li>
 * <li>{@code BranchTable} keeps, in memory, the state of each branch seen, next to
 * {@code OpenTransactions}; recovery rebuilds it from the half queue (from the saved progress) and the
 * op log (from the saved op offset). A decided branch is forgotten once the pass is past its messages
 * and {@code xaBranchTimeout} has gone by since the decision; repeated requests until then get the
 * same answer, after it BRANCH_UNKNOWN.</li>
 * <li>A half message of a branch may still be resolved on its own by END_TRANSACTION (what a client
 * does on a broker without the branch requests); a branch commit leaves such messages out.</li>
 * </ul>
 *
 * <h2>Local transactions that span brokers</h2>
 * The branches of transacted sessions (format id {@code BranchId.LOCAL_FORMAT_ID}, "BOLI") and of the
 * resource adapter's local transactions ({@code BranchId.ADAPTER_LOCAL_FORMAT_ID}, "BOLR") have no
 * transaction manager; one that sent to several brokers is committed in two phases with one of the
 * brokers as coordinator ({@code BolideRequestCode.BRANCH_OUTCOME}, presumed abort):
 * <ul>
 * <li>{@code CrossBrokerRequests}, in front of {@code BranchProcessor}, writes the coordinator named
 * by a participant's prepare, and the decision that a coordinator's one-phase commit naming its
 * participants is, to {@code CrossBrokerLog} ({@code config/crossBrokerTransactions.log}, a journal
 * of one line per change, forced for what must be kept): the prepare only after the coordinator is written, the commit answered only after
 * the decision is. It answers BRANCH_OUTCOME from the decision, else from the branch's state; an open
 * branch is rolled back then, so that no commit can follow a ROLLBACK answer.</li>
 * <li>{@code ParticipantResolver}, every {@code transactionCheckInterval} on a thread of its own,
 * asks the coordinator about each branch prepared longer than {@code transactionTimeout} and decides
 * it so; each branch that is over is reported applied (the coordinator forgets its decision once
 * every participant did) and then forgotten.</li>
 * <li>On the same thread, a decision some participant never confirmed is forgotten
 * {@code crossBrokerDecisionReservedTime} after it was taken, with a warning naming them.</li>
 * </ul>
 */
package dev.bolide.broker.transaction;
