package dev.bolide.client.rocketmq;

import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.xa.BranchReceipt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The commit of a local transaction whose branch has messages on several brokers, atomic among them:
 * presumed-abort two-phase commit with one of the brokers as coordinator, the client holding no log
 * of its own. A transacted session's commit and the one-phase commit of a local branch of an XA
 * resource (the resource adapter's local transaction) both take this path.
 * <ol>
 * <li>Every broker but the coordinator (the first by name) prepares its part, naming the
 * coordinator; a failure rolls back everywhere.</li>
 * <li>The coordinator commits its part in one phase, naming the participants: that commit is the
 * decision, and the coordinator keeps it until each participant has applied it. A failure asks the
 * coordinator the outcome (which, if its branch is still open, rolls it back then).</li>
 * <li>The participants commit. One that does not answer is committed all the same, without the
 * client: a branch prepared longer than its broker's {@code transactionTimeout} is decided by asking
 * its coordinator, and no commit decision there means rollback.</li>
 * </ol>
 * The coordinator's part is never prepared: one forced write less than preparing everyone, and the
 * client dying before its commit leaves it open, hence rolled back, as presumed abort wants.
 * Brokers without the branch requests (Apache RocketMQ) are committed one after the other, as
 * before, which is not atomic: all of them when a participant is one, the coordinator first when it
 * is one.
 */
public final class CrossBrokerCommit {
    private static final System.Logger LOG = System.getLogger(CrossBrokerCommit.class.getName());

    /** Where a commit stands, told to {@link #phaseReached}. */
    public enum Phase {
        /** Every participant prepared; the coordinator not committed. */
        PREPARED,
        /** The coordinator committed: the transaction is committed, participants not yet. */
        DECIDED
    }

    /** For tests only: told of each phase as it is reached, so that a test can stop the client there. */
    public static volatile Consumer<Phase> phaseReached = phase -> { };

    /**
     * What one broker holds of the transaction.
     *
     * @param sent     how many half messages were sent to it, which it checks it still holds
     * @param receipts the messages received from its queues, which a participant's prepare hands it
     *                 (it then consumes them at its commit, or gives them back at its rollback)
     */
    public record Part(int sent, List<BranchReceipt> receipts) {
        public Part {
            receipts = List.copyOf(receipts);
        }

        public static Part sent(int count) {
            return new Part(count, List.of());
        }
    }

    /** A commit that did not end committed on every broker; the cause is the broker's refusal. */
    public static final class Failure extends Exception {
        /** Where the transaction stands after the failure. */
        public enum Outcome {
            /** Rolled back everywhere (what a broker could not roll back now, it rolls back on its own). */
            ROLLED_BACK,
            /** Not known to the client: the coordinator answered neither the commit nor the question; the brokers settle it. */
            UNKNOWN,
            /** Committed on some brokers only: brokers without the branch requests, committed one by one. */
            PARTLY_COMMITTED
        }

        private final Outcome outcome;

        Failure(Outcome outcome, String message, RocketMqException cause) {
            super(message, cause);
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }

        /** The refusal (or silence) of the broker that ended the commit. */
        public RocketMqException refusal() {
            return (RocketMqException) getCause();
        }
    }

    private final XaBranches branches;

    public CrossBrokerCommit(XaBranches branches) {
        this.branches = branches;
    }

    /**
     * @param parts    what each broker holds, by broker name (sorted: the first is the coordinator)
     * @param prepared told each participant that prepared its part: from then on it holds the part's receipts
     */
    public void commit(String branch, SortedMap<String, Part> parts, Consumer<String> prepared) throws Failure {
        String coordinator = parts.firstKey();
        List<String> participants = new ArrayList<>(parts.keySet());
        participants.remove(coordinator);
        try {
            for (String participant : participants) {
                Part part = parts.get(participant);
                branches.prepareBranch(participant, branch, part.sent(), part.receipts(), coordinator);
                prepared.accept(participant);
            }
        } catch (RocketMqException e) {
            if (e.responseCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
                commitOneByOne(branch, parts);
                return;
            }
            rollBack(parts.keySet(), branch);
            throw new Failure(Failure.Outcome.ROLLED_BACK, "a broker could not prepare the transaction's sends, "
                    + "they were rolled back: " + e.getMessage(), e);
        }
        phaseReached.accept(Phase.PREPARED);
        decide(branch, coordinator, parts.get(coordinator).sent(), participants);
        phaseReached.accept(Phase.DECIDED);
        for (String participant : participants) {
            try {
                branches.commitBranch(participant, branch, false, parts.get(participant).sent());
            } catch (RocketMqException e) {
                LOG.log(System.Logger.Level.WARNING, "the transaction is committed, but broker {0} did not confirm "
                        + "({1}): it commits its part on its own, asking broker {2}", participant, e.getMessage(),
                        coordinator);
            }
        }
    }

    private void decide(String branch, String coordinator, int sent, List<String> participants) throws Failure {
        try {
            branches.commitDecision(coordinator, branch, sent, participants);
            return;
        } catch (RocketMqException refused) {
            if (refused.responseCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
                commitWithoutDecision(branch, coordinator, sent, participants);
                return;
            }
            String outcome;
            try {
                outcome = branches.branchOutcome(coordinator, branch);
            } catch (RocketMqException unreachable) {
                throw new Failure(Failure.Outcome.UNKNOWN, "the outcome of the transaction is not known: broker "
                        + coordinator + " did not answer its commit (" + refused.getMessage() + ") nor the question "
                        + "(" + unreachable.getMessage() + "); the brokers " + participants + " settle it with it",
                        refused);
            }
            if ("COMMIT".equals(outcome)) {
                return;
            }
            rollBack(participants, branch);
            throw new Failure(Failure.Outcome.ROLLED_BACK, "broker " + coordinator + " did not commit the "
                    + "transaction, its sends were rolled back: " + refused.getMessage(), refused);
        }
    }

    /** An Apache RocketMQ coordinator keeps no decision: committed first, as before, which is not atomic. */
    private void commitWithoutDecision(String branch, String coordinator, int sent, List<String> participants)
            throws Failure {
        try {
            branches.commitBranch(coordinator, branch, true, sent);
        } catch (RocketMqException e) {
            rollBack(participants, branch);
            throw new Failure(Failure.Outcome.ROLLED_BACK, "the transaction's sends were rolled back: "
                    + e.getMessage(), e);
        }
    }

    /** Brokers without the branch requests: one after the other, a failure after the first leaving part committed. */
    private void commitOneByOne(String branch, SortedMap<String, Part> parts) throws Failure {
        List<String> brokers = List.copyOf(parts.keySet());
        for (int i = 0; i < brokers.size(); i++) {
            try {
                branches.commitBranch(brokers.get(i), branch, true, parts.get(brokers.get(i)).sent());
            } catch (RocketMqException e) {
                rollBack(brokers.subList(i + 1, brokers.size()), branch);
                if (i == 0) {
                    throw new Failure(Failure.Outcome.ROLLED_BACK, "the transaction's sends were rolled back: "
                    + e.getMessage(), e);
                }
                throw new Failure(Failure.Outcome.PARTLY_COMMITTED, "the transaction's sends were committed on "
                        + brokers.subList(0, i) + " but not on " + brokers.subList(i, brokers.size()) + ": " + e.getMessage(), e);
            }
        }
    }

    private void rollBack(Collection<String> brokers, String branch) {
        rollBack(branches, brokers, branch);
    }

    /** Rolls back what it can: what it cannot is rolled back without the client. */
    public static void rollBack(XaBranches branches, Collection<String> brokers, String branch) {
        for (String broker : brokers) {
            try {
                branches.rollbackBranch(broker, branch);
            } catch (RocketMqException ignored) {
                // a prepared branch asks its coordinator, which has no commit decision; an open one times out
            }
        }
    }
}
