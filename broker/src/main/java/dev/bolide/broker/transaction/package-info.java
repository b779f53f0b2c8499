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
 * <h2>XA branches (designed, not built)</h2>
 * A half message sent inside an XA branch will carry the branch identifier (the Xid, encoded as
 * {@code formatId:gtrid-hex:bqual-hex}) in property {@code BOLIDE_XID}, and op records carry the
 * same property ({@code OpRecord.branch}, already written today
 * when a half message names a branch). Resolving a branch then takes one op record for the whole
 * group: an op record with {@code BOLIDE_XID} set and no single transaction key (body {@code -1})
 * resolves every half message of that branch, and a {@code PREPARED} op record makes the branch
 * durable at XA prepare. {@code OpenTransactions} keeps, next to its keys, the resolution of each
 * branch it has seen an op record for; the check pass resolves a branch's half messages as it meets
 * them (committing each one), and never checks back or moves aside a message whose branch is
 * prepared: a prepared branch is decided by its transaction manager only. XA recover lists the
 * branches with a PREPARED op record and no resolution; the op offset saved with the progress
 * already covers them, because a branch stays listed until the pass is past its last half message.
 */
package dev.bolide.broker.transaction;
