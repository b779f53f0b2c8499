package dev.bolide.client.jms.session;

import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.XaBranches;
import dev.bolide.protocol.remoting.ResponseCode;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The commit of a transaction whose sends went to several brokers, atomic among them: presumed-abort
 * two-phase commit with one of the brokers as coordinator, the client holding no log of its own.
 * <ol>
 * <li>Every broker but the coordinator (the first by name) prepares its branch, naming the
 * coordinator; a failure rolls back everywhere.</li>
 * <li>The coordinator commits its branch in one phase, naming the participants: that commit is the
 * decision, and the coordinator keeps it until each participant has applied it. A failure asks the
 * coordinator the outcome (which, if its branch is still open, rolls it back then).</li>
 * <li>The participants commit. One that does not answer is committed all the same, without the
 * client: a branch prepared longer than its broker's {@code transactionTimeout} is decided by asking
 * its coordinator, and no commit decision there means rollback.</li>
 * </ol>
 * The coordinator's branch is never prepared: one forced write less than preparing everyone, and the
 * client dying before its commit leaves it open, hence rolled back, as presumed abort wants.
 * Brokers without the branch requests (Apache RocketMQ) are committed one after the other, as
 * before, which is not atomic: all of them when a participant is one, the coordinator first when it
 * is one.
 */
final class CrossBrokerCommit {
    private static final System.Logger LOG = System.getLogger(CrossBrokerCommit.class.getName());

    /** Where a commit stands, told to {@link #phaseReached}. */
    enum Phase {
        /** Every participant prepared; the coordinator not committed. */
        PREPARED,
        /** The coordinator committed: the transaction is committed, participants not yet. */
        DECIDED
    }

    /** For tests only: told of each phase as it is reached, so that a test can stop the client there. */
    static volatile Consumer<Phase> phaseReached = phase -> { };

    private final XaBranches branches;

    CrossBrokerCommit(XaBranches branches) {
        this.branches = branches;
    }

    /** @param touched how many messages each broker got, by broker name */
    void commit(String branch, SortedMap<String, Integer> touched) throws JMSException {
        String coordinator = touched.firstKey();
        List<String> participants = new ArrayList<>(touched.keySet());
        participants.remove(coordinator);
        try {
            for (String participant : participants) {
                branches.prepareBranch(participant, branch, touched.get(participant), coordinator);
            }
        } catch (RocketMqException e) {
            if (e.responseCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED) {
                commitOneByOne(branch, touched);
                return;
            }
            rollBack(touched.keySet(), branch);
            throw rolledBack("a broker could not prepare the transaction's sends, they were rolled back: ", e);
        }
        phaseReached.accept(Phase.PREPARED);
        decide(branch, coordinator, touched.get(coordinator), participants);
        phaseReached.accept(Phase.DECIDED);
        for (String participant : participants) {
            try {
                branches.commitBranch(participant, branch, false, touched.get(participant));
            } catch (RocketMqException e) {
                LOG.log(System.Logger.Level.WARNING, "the transaction is committed, but broker {0} did not confirm "
                        + "({1}): it commits its part on its own, asking broker {2}", participant, e.getMessage(),
                        coordinator);
            }
        }
    }

    private void decide(String branch, String coordinator, int sent, List<String> participants) throws JMSException {
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
                JMSException unknown = new JMSException("the outcome of the transaction is not known: broker "
                        + coordinator + " did not answer its commit (" + refused.getMessage() + ") nor the question "
                        + "(" + unreachable.getMessage() + "); the brokers " + participants + " settle it with it");
                unknown.initCause(refused);
                throw unknown;
            }
            if ("COMMIT".equals(outcome)) {
                return;
            }
            rollBack(participants, branch);
            throw rolledBack("broker " + coordinator + " did not commit the transaction, its sends were rolled back: ",
                    refused);
        }
    }

    /** An Apache RocketMQ coordinator keeps no decision: committed first, as before, which is not atomic. */
    private void commitWithoutDecision(String branch, String coordinator, int sent, List<String> participants)
            throws JMSException {
        try {
            branches.commitBranch(coordinator, branch, true, sent);
        } catch (RocketMqException e) {
            rollBack(participants, branch);
            throw rolledBack("the transaction's sends were rolled back: ", e);
        }
    }

    /** Brokers without the branch requests: one after the other, a failure after the first leaving part committed. */
    private void commitOneByOne(String branch, SortedMap<String, Integer> touched) throws JMSException {
        List<String> brokers = List.copyOf(touched.keySet());
        for (int i = 0; i < brokers.size(); i++) {
            try {
                branches.commitBranch(brokers.get(i), branch, true, touched.get(brokers.get(i)));
            } catch (RocketMqException e) {
                rollBack(brokers.subList(i + 1, brokers.size()), branch);
                if (i == 0) {
                    throw rolledBack("the transaction's sends were rolled back: ", e);
                }
                JMSException failure = new JMSException("the transaction's sends were committed on "
                        + brokers.subList(0, i) + " but not on " + brokers.subList(i, brokers.size()) + ": "
                        + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
    }

    private void rollBack(Collection<String> brokers, String branch) {
        rollBack(branches, brokers, branch);
    }

    /** Rolls back what it can: what it cannot is rolled back without the client. */
    static void rollBack(XaBranches branches, Collection<String> brokers, String branch) {
        for (String broker : brokers) {
            try {
                branches.rollbackBranch(broker, branch);
            } catch (RocketMqException ignored) {
                // a prepared branch asks its coordinator, which has no commit decision; an open one times out
            }
        }
    }

    private static TransactionRolledBackException rolledBack(String why, Throwable cause) {
        return TransactedSendPath.rolledBack(why, cause);
    }
}
