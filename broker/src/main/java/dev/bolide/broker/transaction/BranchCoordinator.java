package dev.bolide.broker.transaction;

import dev.bolide.protocol.remoting.BolideResponseCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.broker.ha.Writes;
import dev.bolide.protocol.xa.BranchReceipt;
import dev.bolide.store.AppendResult;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Decides XA branches: prepare, commit, rollback and forget on request, the rollback of idle open
 * branches and of overdue prepared ones (heuristic) at the check pass. One decision at a time: all
 * decisions hold this object's lock, so a request and the check pass never decide a branch twice.
 *
 * <p>A branch's messages are found through {@link BranchMembers} (which hears of each as it is
 * appended, so a request never waits for the dispatcher), then read by CommitLog offset. A commit appends every message
 * of the branch, in send order, and the branch's op record in one append, so they reach the
 * CommitLog (and consumers) together.
 *
 * <p>The messages a client received in a branch from this broker's queues come with its prepare and
 * are recorded in the PREPARED op record; from then on pulls of their group skip them
 * ({@link HeldReceipts}); a commit has consumed them, a rollback appends their retry copies
 * ({@link ReleasedReceipts}) with its op record.
 */
final class BranchCoordinator {
    private static final System.Logger LOG = System.getLogger(BranchCoordinator.class.getName());
    /** How long the check pass waits for the messages appended before it to be readable from the half queue. */
    private static final long DISPATCH_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);

    /**
     * What a branch request is answered, once the decision it appended (if any) may be answered:
     * see {@link #settled}.
     *
     * @param decision     the op record (and delivered messages) this request appended, or null
     * @param mustBeOnDisk whether the answer waits for the disk under ASYNC_FLUSH too (a prepare)
     */
    record Answer(int code, String remark, AppendResult decision, boolean mustBeOnDisk) {
        static final Answer DONE = new Answer(ResponseCode.SUCCESS, null);

        Answer(int code, String remark) {
            this(code, remark, null, false);
        }

        static Answer after(AppendResult decision, boolean mustBeOnDisk) {
            return new Answer(ResponseCode.SUCCESS, null, decision, mustBeOnDisk);
        }
    }

    private final MessageStore store;
    private final Writes writes;
    private final CommitRouting routing;
    private final OpenTransactions open;
    private final BranchTable table;
    private final BranchMembers members;
    private final PendingHalves pending;
    private final TransactionSettings settings;
    private final Clock clock;
    private final HeldReceipts held;
    private final ReleasedReceipts released;

    BranchCoordinator(MessageStore store, Writes writes, OpenTransactions open, BranchTable table,
            BranchMembers members, PendingHalves pending, TransactionSettings settings, CommitRouting routing,
            Clock clock, HeldReceipts held, ReleasedReceipts released) {
        this.store = store;
        this.writes = writes;
        this.routing = routing;
        this.open = open;
        this.table = table;
        this.members = members;
        this.pending = pending;
        this.settings = settings;
        this.clock = clock;
        this.held = held;
        this.released = released;
    }

    /**
     * @param sent     how many messages the client sent in the branch to this broker; -1: not said
     * @param receipts the messages the client received in the branch from this broker's queues
     */
    synchronized Answer prepare(String branch, int sent, List<BranchReceipt> receipts) {
        List<HalfRecord> halves = scan(branch);
        if (!receipts.isEmpty() && table.state(branch).isEmpty()) {
            table.opened(branch, clock.millis());
        }
        Optional<BranchState> state = decidable(branch);
        if (state.isEmpty()) {
            return unknown(branch);
        }
        return switch (state.get()) {
            case PREPARED -> Answer.DONE;
            case OPEN -> miscounted(halves, sent) ? mismatched(branch, halves.size(), sent)
                    : Answer.after(prepared(branch, receipts), true);
            default -> refused(branch, state.get());
        };
    }

    /** @param sent as for {@link #prepare}, checked by a one-phase commit */
    synchronized Answer commit(String branch, boolean onePhase, int sent) {
        List<HalfRecord> halves = scan(branch);
        Optional<BranchState> state = decidable(branch);
        if (state.isEmpty()) {
            return unknown(branch);
        }
        return switch (state.get()) {
            case COMMITTED -> Answer.DONE;
            case PREPARED -> delivered(branch, halves, BranchState.COMMITTED);
            case OPEN -> !onePhase ? refused(branch, state.get()) : miscounted(halves, sent)
                    ? mismatched(branch, halves.size(), sent) : delivered(branch, halves, BranchState.COMMITTED);
            default -> refused(branch, state.get());
        };
    }

    /** Whether the branch holds other than the {@code sent} messages the client counts (-1: not counted). */
    private static boolean miscounted(List<HalfRecord> halves, int sent) {
        return sent >= 0 && halves.size() != sent;
    }

    /**
     * A branch whose messages are not those the client sent in it, rolled back rather than delivered.
     * Fewer: it lost some (half messages are answered before they are on disk, so a broker that
     * crashed before the prepare may hold only the first ones), and delivering them would commit part
     * of a transaction. More: a send the client saw fail was stored all the same (answered with an
     * error after its append, then sent again), and delivering them would commit a copy.
     */
    private Answer mismatched(String branch, int held, int sent) {
        enter(List.of(), branch, BranchState.ROLLED_BACK);
        String why = held < sent
                ? "holds " + held + " of the " + sent + " messages sent in it (the broker restarted before they"
                        + " were on disk)"
                : "holds " + held + " messages, more than the " + sent + " sent in it (a send answered with an"
                        + " error was stored)";
        LOG.log(System.Logger.Level.WARNING, "XA branch {0} {1}: rolled back", branch, why);
        return new Answer(BolideResponseCode.BRANCH_INCOMPLETE, "XA branch " + branch + " " + why + ": rolled back");
    }

    synchronized Answer rollback(String branch) {
        scan(branch);
        Optional<BranchState> state = decidable(branch);
        if (state.isEmpty()) {
            return unknown(branch);
        }
        return switch (state.get()) {
            case ROLLED_BACK, TIMED_OUT -> Answer.DONE;
            case OPEN, PREPARED -> Answer.after(rolledBack(branch, BranchState.ROLLED_BACK), false);
            default -> refused(branch, state.get());
        };
    }

    synchronized Answer forget(String branch) {
        Optional<BranchState> state = table.state(branch);
        if (state.isEmpty()) {
            return unknown(branch);
        }
        return switch (state.get()) {
            case FORGOTTEN -> Answer.DONE;
            case HEURISTIC_COMMITTED, HEURISTIC_ROLLED_BACK ->
                Answer.after(enter(List.of(), branch, BranchState.FORGOTTEN), false);
            default -> new Answer(BolideResponseCode.BRANCH_NOT_HEURISTIC, "branch " + branch + " is "
                    + state.get() + ", not decided heuristically");
        };
    }

    /**
     * An operator decides a prepared branch in place of its transaction manager: the messages are
     * delivered or discarded as by its commit or rollback, but the branch is heuristic, listed by
     * recover and reported to the manager, until the manager forgets it.
     */
    synchronized Answer decideByHand(String branch, boolean commit) {
        List<HalfRecord> halves = scan(branch);
        Optional<BranchState> state = decidable(branch);
        if (state.isEmpty()) {
            return unknown(branch);
        }
        if (state.get() != BranchState.PREPARED) {
            return refused(branch, state.get());
        }
        LOG.log(System.Logger.Level.WARNING, "XA branch {0} {1} by hand: heuristic until its transaction manager "
                + "forgets it", branch, commit ? "committed" : "rolled back");
        return commit ? delivered(branch, halves, BranchState.HEURISTIC_COMMITTED)
                : Answer.after(rolledBack(branch, BranchState.HEURISTIC_ROLLED_BACK), false);
    }

    /**
     * Where the branch stands; empty for a branch never seen, long over or forgotten. Its messages
     * are looked at first: a branch only sent to is known to the table once a request or the check
     * pass met it.
     */
    synchronized Optional<BranchState> state(String branch) {
        scan(branch);
        return decidable(branch);
    }

    /** When the branch entered its state (its newest message while open); only for a branch {@link #state} knows. */
    synchronized long since(String branch) {
        return table.since(branch);
    }

    synchronized Map<BranchState, Long> countByState() {
        return table.countByState();
    }

    synchronized List<String> recoverable() {
        return table.recoverable();
    }

    /** The branches {@link #recoverable()} lists, with their state, since when, and their messages. */
    synchronized List<InDoubtBranch> inDoubt() {
        return table.recoverable().stream().map(branch -> new InDoubtBranch(branch,
                table.state(branch).orElseThrow().name(), table.since(branch), members.of(branch).size(),
                table.receipts(branch).size())).toList();
    }

    /**
     * The check pass met a half message of a branch: rolls the branch back when it has been open
     * longer than {@code xaBranchTimeout}, or prepared longer than a set {@code xaHeuristicTimeout}
     * ({@link #expire}).
     *
     * @return whether the message must hold the progress offset back (its branch is not over)
     */
    synchronized boolean holdsBack(HalfRecord half, long now) {
        String branch = half.branch();
        table.sighted(branch, half.queueOffset(), half.storeTimestamp());
        expire(branch, now);
        return !table.state(branch).orElseThrow().over();
    }

    /**
     * After the check pass: the branches that hold no half message here (they only received from
     * this broker's queues), which the pass cannot meet, get the same timeouts as those it met.
     */
    synchronized void expireWithoutMessages(long now) {
        table.withoutHalves().forEach(branch -> expire(branch, now));
    }

    /**
     * Rolls the branch back when it has been open longer than {@code xaBranchTimeout}, or prepared
     * longer than a set {@code xaHeuristicTimeout}.
     */
    private void expire(String branch, long now) {
        BranchState state = table.state(branch).orElseThrow();
        if (state == BranchState.OPEN && now - table.since(branch) >= settings.xaBranchTimeout().toMillis()) {
            // the pass may not have met the branch's newest messages yet
            awaitReadable();
            scan(branch);
            if (now - table.since(branch) >= settings.xaBranchTimeout().toMillis()) {
                enter(List.of(), branch, BranchState.TIMED_OUT);
                LOG.log(System.Logger.Level.INFO, "XA branch {0} was open and idle longer than {1}: rolled back",
                        branch, settings.xaBranchTimeout());
            }
        } else if (state == BranchState.PREPARED && !settings.xaHeuristicTimeout().isZero()
                && now - table.since(branch) >= settings.xaHeuristicTimeout().toMillis()) {
            rolledBack(branch, BranchState.HEURISTIC_ROLLED_BACK);
            LOG.log(System.Logger.Level.WARNING, "XA branch {0} stayed prepared longer than {1}: rolled back "
                    + "heuristically; it is reported so until forgotten", branch, settings.xaHeuristicTimeout());
        }
    }

    /** Recovery read a half message of a branch. */
    synchronized void sighted(HalfRecord half) {
        table.sighted(half.branch(), half.queueOffset(), half.storeTimestamp());
        members.add(half.branch(), new BranchMembers.Member(half.queueOffset(), half.physicalOffset()));
    }

    /**
     * After recovery: how many of the transactions it found open are members of branches already
     * decided (whose one op record resolves them all), so not pending.
     */
    synchronized long settledMembers() {
        return table.in(BranchState::settled).stream().mapToLong(this::unresolvedMembers).sum();
    }

    /** The branch's half messages not resolved on their own by END_TRANSACTION. */
    private int unresolvedMembers(String branch) {
        // a branch's messages are never copied by the check pass: each one's key is its own offset
        return (int) members.of(branch).stream().filter(member -> !open.isResolved(member.queueOffset())).count();
    }

    /** Recovery read an op record of a branch, stored at {@code storeTimestamp}. */
    synchronized void recorded(BranchOpRecord op, long opOffset, long storeTimestamp) {
        table.changed(op.branch(), op.state(), opOffset, storeTimestamp);
        if (!op.receipts().isEmpty()) {
            table.received(op.branch(), op.receipts());
            held.hold(op.receipts());
        }
    }

    /**
     * Forgets the branches decided more than {@code xaBranchTimeout} ago whose messages are all
     * behind {@code progress}.
     *
     * @see BranchTable#advance
     */
    synchronized long advance(long progress, long opOffset) {
        held.releaseConsumed();
        long needed = table.advance(progress, clock.millis() - settings.xaBranchTimeout().toMillis(), opOffset,
                held::consumed);
        members.forget(progress, branch -> table.state(branch).map(BranchState::over).orElse(true));
        return needed;
    }

    /**
     * The half messages of the branch not resolved on its own (by END_TRANSACTION), in send order;
     * sighting them tells the table the branch exists.
     */
    private List<HalfRecord> scan(String branch) {
        List<HalfRecord> halves = new ArrayList<>();
        for (BranchMembers.Member member : members.of(branch)) {
            ByteBuffer record = store.lookupMessage(member.physicalOffset());
            Optional<HalfRecord> half = record == null ? Optional.empty() : HalfRecord.of(record);
            // retention may have deleted it; END_TRANSACTION may have resolved it alone
            if (half.isPresent() && !open.isResolved(half.get().transactionKey())) {
                table.sighted(branch, member.queueOffset(), half.get().storeTimestamp());
                halves.add(half.get());
            }
        }
        return halves;
    }

    /** Waits until what the CommitLog holds now is in the queues, so that the check pass sees every member. */
    private void awaitReadable() {
        long end = store.commitLogMaxOffset();
        long deadline = System.nanoTime() + DISPATCH_WAIT_NANOS;
        while (store.dispatchedOffset() < end && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Prepares the branch: its op record names the receipts, which pulls skip from now on. */
    private AppendResult prepared(String branch, List<BranchReceipt> receipts) {
        AppendResult decision = enter(List.of(), new BranchOpRecord(branch, BranchState.PREPARED, receipts));
        if (!receipts.isEmpty()) {
            table.received(branch, receipts);
            held.hold(receipts);
        }
        return decision;
    }

    /** Rolls the branch back: its receipts go back to their groups' retry topics in the same append. */
    private AppendResult rolledBack(String branch, BranchState state) {
        return enter(released.copies(table.receipts(branch)), branch, state);
    }

    /** @param state {@code COMMITTED}, or {@code HEURISTIC_COMMITTED} by hand */
    private Answer delivered(String branch, List<HalfRecord> halves, BranchState state) {
        List<MessageToStore> messages = halves.stream().map(half -> half.committed(routing)).toList();
        AppendResult decision = enter(messages, branch, state);
        LOG.log(System.Logger.Level.DEBUG, "XA branch {0} committed: {1} messages delivered", branch, messages.size());
        return Answer.after(decision, false);
    }

    /**
     * Appends {@code delivered} and the branch's op record in one append; the branch is then in
     * {@code state}. Does not wait for the disk: the lock is held, and the requests that need the
     * disk wait for it after, in {@link #settled}, so that concurrent decisions share a force.
     */
    private AppendResult enter(List<MessageToStore> delivered, String branch, BranchState state) {
        return enter(delivered, new BranchOpRecord(branch, state));
    }

    private AppendResult enter(List<MessageToStore> delivered, BranchOpRecord record) {
        String branch = record.branch();
        BranchState state = record.state();
        List<MessageToStore> batch = new ArrayList<>(delivered);
        batch.add(record.toStore());
        boolean settles = state.settled() && !table.state(branch).orElse(BranchState.OPEN).settled();
        AppendResult result = store.appendWithoutWaiting(batch);
        AppendedMessage op = result.messages().get(result.messages().size() - 1);
        table.changed(branch, state, op.queueOffset(), clock.millis());
        if (settles) {
            pending.settled(unresolvedMembers(branch));
        }
        return result;
    }

    /**
     * The answer once the decision it appended may be answered: as a send under the flush type,
     * or, for a prepare, on disk whatever the flush type; on a SYNC_MASTER also once a slave has it
     * or was given up on, which, as for RocketMQ's END_TRANSACTION, does not change the answer: the
     * decision stands on the master. Runs outside the lock.
     */
    CompletableFuture<Answer> settled(Answer answer) {
        AppendResult decision = answer.decision();
        if (decision == null) {
            return CompletableFuture.completedFuture(answer);
        }
        // a prepare under SYNC_FLUSH rides the group commit: forcing it here blocked the thread
        // that serves every send
        CompletableFuture<Boolean> written = answer.mustBeOnDisk() ? store.whenOnDisk(decision)
                : store.whenAcknowledgeable(decision);
        return writes.acknowledged(decision, written).thenApply(acknowledged ->
                acknowledged.appended().status() == AppendResult.Status.PUT_OK ? answer : notOnDisk());
    }

    private static Answer notOnDisk() {
        return new Answer(ResponseCode.FLUSH_DISK_TIMEOUT, "the decision on the XA branch is recorded but not known "
                + "to be on disk");
    }

    /** The branch's state; empty for a branch never seen, long over or forgotten after a heuristic decision. */
    private Optional<BranchState> decidable(String branch) {
        return table.state(branch).filter(state -> state != BranchState.FORGOTTEN);
    }

    private static Answer unknown(String branch) {
        return new Answer(BolideResponseCode.BRANCH_UNKNOWN, "no XA branch " + branch + " on this broker");
    }

    private static Answer refused(String branch, BranchState state) {
        return new Answer(state.refusal(), "XA branch " + branch + " is " + state.name().toLowerCase().replace('_', ' '));
    }
}
