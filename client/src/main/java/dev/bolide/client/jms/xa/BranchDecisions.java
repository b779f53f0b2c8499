package dev.bolide.client.jms.xa;

import dev.bolide.client.rocketmq.CrossBrokerCommit;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.client.rocketmq.XaBranches;
import dev.bolide.protocol.remoting.BolideResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.transaction.xa.XAException;

/**
 * Carries a decision about a branch to every broker holding its messages and sums the answers up as one
 * XA outcome: all brokers agreeing is success; a branch decided heuristically on a broker (by its
 * {@code xaHeuristicTimeout}, or by an operator from the console) is XA_HEURCOM or XA_HEURRB, and
 * XA_HEURMIX when its messages were committed on one broker and rolled back on another. A branch this
 * JVM does not know ({@link Branch#recovered}) is looked for on every broker of the cluster, and a
 * broker that does not have it is passed over.
 */
final class BranchDecisions {
    private static final System.Logger LOG = System.getLogger(BranchDecisions.class.getName());

    private final XaBranches brokers;

    BranchDecisions(XaBranches brokers) {
        this.brokers = brokers;
    }

    /**
     * Prepares the branch on each broker it sent to or received from, with the messages received from
     * that broker's queues; if one refuses, rolls it back everywhere and throws XA_RB*.
     */
    void prepare(Branch branch) throws XAException {
        branch.includeReceiptBrokers();
        for (String broker : branch.brokers()) {
            try {
                brokers.prepareBranch(broker, branch.text(), branch.sentCount(broker), branch.receiptsOn(broker));
                branch.receiptsHeldBy(broker);
            } catch (RocketMqException refusal) {
                int code = XaErrors.code(XaOperation.PREPARE, refusal);
                rollbackQuietly(branch);
                throw XaErrors.error(code, "prepare of branch " + branch.id() + " on broker " + broker + " failed: "
                        + refusal.getMessage(), refusal);
            }
        }
        branch.prepared();
    }

    /** Commits on each broker; XA_HEURRB, XA_HEURCOM or XA_HEURMIX when a broker had decided it heuristically. */
    void commit(Branch branch, boolean onePhase) throws XAException {
        XaOperation operation = onePhase ? XaOperation.ONE_PHASE_COMMIT : XaOperation.TWO_PHASE_COMMIT;
        Outcome outcome = decide(branch, operation, broker -> brokers.commitBranch(broker, branch.text(),
                onePhase, branch.sentCount(broker)));
        if (outcome.branchGone()) {
            branch.settleWork(false);
        }
        outcome.throwIfFailed();
        XAException heuristic = outcome.heuristicOutcome(true);
        branch.settleWork(heuristic == null || heuristic.errorCode != XAException.XA_HEURRB);
        if (heuristic != null) {
            throw heuristic;
        }
    }

    /**
     * Commits, in one phase, the branch of a local transaction that sent to several brokers, atomically
     * among them ({@link CrossBrokerCommit}): each participant's prepare hands it the branch's receipts
     * from its queues, the others are settled here. XA_RB* when it rolled back, XAER_RMFAIL when its
     * outcome is not known (the brokers settle it), XA_HEURMIX when brokers without the branch requests
     * committed it in part.
     */
    void commitAcrossBrokers(Branch branch) throws XAException {
        SortedMap<String, CrossBrokerCommit.Part> parts = new TreeMap<>();
        for (String broker : branch.brokers()) {
            parts.put(broker, new CrossBrokerCommit.Part(branch.sentCount(broker), branch.receiptsOn(broker)));
        }
        try {
            new CrossBrokerCommit(brokers).commit(branch.text(), parts, branch::receiptsHeldBy);
        } catch (CrossBrokerCommit.Failure failure) {
            // redelivered when not known to be committed: at least once
            branch.settleWork(false);
            throw XaErrors.error(switch (failure.outcome()) {
                case ROLLED_BACK -> rollbackCode(failure.refusal());
                case UNKNOWN -> XAException.XAER_RMFAIL;
                case PARTLY_COMMITTED -> XAException.XA_HEURMIX;
            }, "one-phase commit of branch " + branch.id() + ": " + failure.getMessage(), failure.refusal());
        }
        branch.settleWork(true);
    }

    /**
     * The XA_RB* code of a commit that rolled back because of {@code refusal}, a participant's prepare
     * or the coordinator's commit: either way it means what it means to a prepare (no answer: XA_RBCOMMFAIL).
     */
    private static int rollbackCode(RocketMqException refusal) {
        int code = XaErrors.code(XaOperation.PREPARE, refusal);
        return XaErrors.isRollback(code) ? code : XAException.XA_RBROLLBACK;
    }

    /**
     * Rolls back on each broker; XA_HEURCOM when a broker had committed it, XA_HEURRB or XA_HEURMIX
     * when a broker had decided it heuristically.
     */
    void rollback(Branch branch) throws XAException {
        Outcome outcome = decide(branch, XaOperation.ROLLBACK, broker -> brokers.rollbackBranch(broker,
                branch.text()));
        outcome.throwIfFailed();
        branch.settleWork(false);
        XAException heuristic = outcome.heuristicOutcome(false);
        if (heuristic != null) {
            throw heuristic;
        }
    }

    /** Lets the brokers that decided the branch heuristically forget it. */
    void forget(Branch branch, List<String> heuristicBrokers) throws XAException {
        Outcome outcome = decide(branch, XaOperation.FORGET, broker -> brokers.forgetBranch(broker, branch.text()),
                heuristicBrokers);
        outcome.throwIfFailed();
    }

    /** Every prepared (or heuristically rolled back) branch on every broker of the cluster. */
    List<String> recover() throws XAException {
        try {
            List<String> found = new ArrayList<>();
            for (String broker : brokers.brokerNames()) {
                brokers.recoverBranches(broker).stream().filter(b -> !found.contains(b)).forEach(found::add);
            }
            return found;
        } catch (RocketMqException e) {
            throw XaErrors.error(XaErrors.code(XaOperation.TWO_PHASE_COMMIT, e), "recover failed: " + e.getMessage(), e);
        }
    }

    /** Every broker of the cluster: where a branch this JVM does not know may be. */
    List<String> everyBroker() throws XAException {
        try {
            return brokers.brokerNames();
        } catch (RocketMqException e) {
            throw XaErrors.error(XAException.XAER_RMFAIL, "the name servers list no brokers: " + e.getMessage(), e);
        }
    }

    /** Rolls back a branch that is given up: its receives are delivered again whatever the brokers answer. */
    void rollbackQuietly(Branch branch) {
        try {
            rollback(branch);
        } catch (XAException e) {
            // an open branch left on a broker is rolled back by the broker after its xaBranchTimeout
            LOG.log(System.Logger.Level.WARNING, "rollback of branch {0} failed, the brokers time it out: {1}",
                    branch.id(), e.getMessage());
        } finally {
            branch.settleWork(false);
        }
    }

    private interface BrokerRequest {
        void send(String broker);
    }

    private Outcome decide(Branch branch, XaOperation operation, BrokerRequest request) {
        return decide(branch, operation, request, branch.brokers());
    }

    private static Outcome decide(Branch branch, XaOperation operation, BrokerRequest request, List<String> targets) {
        Outcome outcome = new Outcome(branch, operation);
        for (String broker : targets) {
            try {
                request.send(broker);
                outcome.done(broker);
            } catch (RocketMqException refusal) {
                outcome.refused(broker, XaErrors.code(operation, refusal), refusal);
            }
        }
        return outcome;
    }

    /** The brokers' answers to one decision. */
    private static final class Outcome {
        private final Branch branch;
        private final XaOperation operation;
        private final List<String> heuristicallyCommitted = new ArrayList<>();
        private final List<String> heuristicallyRolledBack = new ArrayList<>();
        private int done;
        private int missing;
        private XAException failure;

        Outcome(Branch branch, XaOperation operation) {
            this.branch = branch;
            this.operation = operation;
        }

        void done(String broker) {
            branch.decidedOn(broker);
            done++;
        }

        void refused(String broker, int code, RocketMqException refusal) {
            if (code == XaErrors.DONE) {
                done(broker);
            } else if (code == XAException.XAER_NOTA && branch.recovered()) {
                branch.decidedOn(broker);
                missing++;
            } else if (operation != XaOperation.FORGET
                    && refusal.responseCode() == BolideResponseCode.BRANCH_HEURISTIC_COMMIT) {
                branch.heuristicOn(broker);
                heuristicallyCommitted.add(broker);
            } else if (code == XAException.XA_HEURRB && operation != XaOperation.FORGET) {
                branch.heuristicOn(broker);
                heuristicallyRolledBack.add(broker);
            } else if (failure == null || code == XAException.XA_HEURCOM) {
                failure = XaErrors.error(code, operation.name().toLowerCase().replace('_', ' ') + " of branch "
                        + branch.id() + " on broker " + broker + ": " + refusal.getMessage(), refusal);
            }
        }

        /** Whether the commit failed because the branch is rolled back or unknown: it is over, not to be retried. */
        boolean branchGone() {
            return failure != null && (XaErrors.isRollback(failure.errorCode)
                    || failure.errorCode == XAException.XAER_NOTA);
        }

        /**
         * The XA heuristic outcome of a decision ({@code commit} or rollback), or null when no broker
         * decided the branch heuristically: mixed when its messages were committed on some broker
         * (as asked, or heuristically) and rolled back on another.
         */
        XAException heuristicOutcome(boolean commit) {
            if (heuristicallyCommitted.isEmpty() && heuristicallyRolledBack.isEmpty()) {
                return null;
            }
            int code = HeuristicOutcome.code(commit, done > 0, !heuristicallyCommitted.isEmpty(),
                    !heuristicallyRolledBack.isEmpty());
            return XaErrors.error(code, "branch " + branch.id() + " was decided heuristically: committed by brokers "
                    + heuristicallyCommitted + ", rolled back by brokers " + heuristicallyRolledBack
                    + "; forget it once settled");
        }

        void throwIfFailed() throws XAException {
            if (failure != null) {
                throw failure;
            }
            if (done == 0 && heuristicallyCommitted.isEmpty() && heuristicallyRolledBack.isEmpty() && missing > 0) {
                throw XaErrors.error(XAException.XAER_NOTA, "no broker has branch " + branch.id());
            }
        }
    }
}
