package dev.bolide.broker.transaction;

import dev.bolide.protocol.xa.BranchReceipt;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The XA branches the broker knows, in memory: each branch with a half message at or after the
 * check progress offset, or with an op record read since the saved op offset, and its state. The
 * check pass never moves the progress offset past a message of a branch that is not over, so a
 * branch leaves this table only once it is over and the pass is past its last message; recovery
 * rebuilds it from the half queue and the op log like {@link OpenTransactions}. Not thread-safe:
 * {@link BranchCoordinator} serializes every use.
 */
final class BranchTable {
    private final Map<String, Branch> branches = new HashMap<>();

    /** One branch: its state, its newest half message, the time it last changed. */
    private static final class Branch {
        BranchState state = BranchState.OPEN;
        /** Half queue offset of its newest half message; -1 when none was seen. */
        long newestHalf = -1;
        /** Store time of its newest half message while open; of its latest op record after. */
        long since;
        /** Op queue offset of its first op record still needed; -1 when it has none. */
        long firstOp = -1;
        /** The messages received in it, recorded at its prepare. */
        List<BranchReceipt> receipts = List.of();
    }

    /** A branch that only received from this broker is known from its prepare, which creates it open. */
    void opened(String branch, long time) {
        branches.computeIfAbsent(branch, b -> new Branch()).since = time;
    }

    /** The messages received in the branch, as its prepare recorded them. */
    void received(String branch, List<BranchReceipt> receipts) {
        branches.get(branch).receipts = List.copyOf(receipts);
    }

    List<BranchReceipt> receipts(String branch) {
        Branch known = branches.get(branch);
        return known == null ? List.of() : known.receipts;
    }

    /** A half message of the branch, stored at {@code storeTimestamp}, was read. */
    void sighted(String branch, long queueOffset, long storeTimestamp) {
        Branch known = branches.computeIfAbsent(branch, b -> new Branch());
        known.newestHalf = Math.max(known.newestHalf, queueOffset);
        if (known.state == BranchState.OPEN) {
            known.since = Math.max(known.since, storeTimestamp);
        }
    }

    /** The branch entered {@code state}, recorded at {@code opOffset} at {@code time}. */
    void changed(String branch, BranchState state, long opOffset, long time) {
        Branch known = branches.computeIfAbsent(branch, b -> new Branch());
        known.state = state;
        known.since = time;
        if (known.firstOp < 0 || opOffset < known.firstOp) {
            known.firstOp = opOffset;
        }
    }

    Optional<BranchState> state(String branch) {
        return Optional.ofNullable(branches.get(branch)).map(known -> known.state);
    }

    /** When the branch last changed: its newest message while open, its prepare once prepared. */
    long since(String branch) {
        return branches.get(branch).since;
    }

    /** How many branches the table holds in each state, every state listed. */
    Map<BranchState, Long> countByState() {
        Map<BranchState, Long> counts = new EnumMap<>(BranchState.class);
        for (BranchState state : BranchState.values()) {
            counts.put(state, 0L);
        }
        branches.values().forEach(known -> counts.merge(known.state, 1L, Long::sum));
        return counts;
    }

    /** The branches in a state {@code which} accepts. */
    List<String> in(Predicate<BranchState> which) {
        return branches.entrySet().stream().filter(entry -> which.test(entry.getValue().state))
                .map(Map.Entry::getKey).toList();
    }

    /** The branches not over that hold no half message (they only received from this broker). */
    List<String> withoutHalves() {
        return branches.entrySet().stream().filter(entry -> entry.getValue().newestHalf < 0
                && !entry.getValue().state.over()).map(Map.Entry::getKey).toList();
    }

    /** The branches XA recover lists, sorted. */
    List<String> recoverable() {
        return branches.entrySet().stream().filter(entry -> entry.getValue().state.recoverable())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * Forgets the branches that are over, wholly behind {@code progress}, decided before
     * {@code decidedBefore} (kept that long so that a repeated request gets the same answer), and
     * whose receipts {@code consumed} says no pull reaches any more (until then recovery must read
     * the prepare that recorded them).
     *
     * @param opOffset where recovery would read the op log from without branches
     * @return where it must read it from so that it finds the op records of every listed branch
     */
    long advance(long progress, long decidedBefore, long opOffset, Predicate<List<BranchReceipt>> consumed) {
        long oldest = opOffset;
        for (Iterator<Branch> it = branches.values().iterator(); it.hasNext();) {
            Branch known = it.next();
            if (known.state.over() && known.newestHalf < progress && known.since < decidedBefore
                    && consumed.test(known.receipts)) {
                it.remove();
            } else if (known.firstOp >= 0) {
                oldest = Math.min(oldest, known.firstOp);
            }
        }
        return oldest;
    }
}
