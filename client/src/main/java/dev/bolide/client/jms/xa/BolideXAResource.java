package dev.bolide.client.jms.xa;

import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.QueueSelector;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.protocol.xa.BranchId;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XAResource of one XA session: the resource manager is the Bolide cluster its name servers
 * serve, and an XA branch is a group of half messages on the brokers.
 *
 * <p>Mapping: the Xid of a branch becomes its branch id {@code formatId:gtrid-hex:bqual-hex}
 * ({@link BranchId}), stored by the broker in property {@code BOLIDE_XID} of each half message sent
 * while this resource is associated with the branch ({@link #sendInBranch}). {@code prepare} makes the
 * branch durable on every broker it sent to (BRANCH_PREPARE), {@code commit} delivers all its messages at
 * once (BRANCH_COMMIT), {@code rollback} discards them (BRANCH_ROLLBACK), {@code recover} lists the
 * prepared branches of every broker of the cluster (BRANCH_RECOVER), whoever prepared them (but those
 * of local transactions, which the brokers settle among themselves), and {@code forget} lets a broker
 * forget a heuristic decision (BRANCH_FORGET). Messages received in a
 * branch ({@link #receivedInBranch}) are part of it: the prepare names them to the broker of their
 * queue, which from then on keeps them from their group, consumes them at the commit and gives them
 * back through the group's retry topic (delivery count + 1) at a rollback, also when this JVM is gone
 * and recovery decides; a branch never prepared (one phase, or rolled back before) acknowledges them
 * at its commit or delivers them again here at its rollback.
 *
 * <p>States follow the XA specification: a resource is associated with at most one branch at a time
 * (start..end), may hold suspended associations (end TMSUSPEND, start TMRESUME), and a branch is
 * prepared or committed in one phase only once every association with it ended. A branch with no
 * send and no receive prepares as XA_RDONLY without asking a broker. Resources of the same cluster
 * are the same resource manager ({@link #isSameRM}) and share their branches within the JVM, so that
 * TMJOIN works across sessions and connections.
 *
 * <p>A one-phase commit of a branch that sent to several brokers is two-phase inside, all or nothing;
 * for the branch of a local transaction ({@link BranchId#isLocal()}: the resource adapter's), which
 * no transaction manager recovers, one of the brokers keeps the decision, as for a transacted session
 * ({@link dev.bolide.client.rocketmq.CrossBrokerCommit}).
 */
public final class BolideXAResource implements XAResource {
    /** The producer group of branch sends; branch messages are never checked back with it. */
    public static final String PRODUCER_GROUP = "BOLIDE_JMS_XA_PRODUCER";

    private final RocketMqClient client;
    private final String clusterKey;
    private final BranchRegistry registry;
    private final BranchDecisions decisions;
    private final Set<Branch> suspended = new HashSet<>();
    private Branch associated;
    private boolean scanning;
    private boolean joinedProducerGroup;
    private final Clock clock;
    private int timeoutSeconds;

    /** @param nameServers the name servers {@code client} uses: they name the resource manager */
    public BolideXAResource(RocketMqClient client, String nameServers) {
        this(client, nameServers, Clock.systemUTC());
    }

    /** @param clock what transaction timeouts are measured on; tests move one by hand */
    public BolideXAResource(RocketMqClient client, String nameServers, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.clusterKey = BranchRegistry.clusterKey(nameServers);
        this.registry = BranchRegistry.of(clusterKey);
        this.decisions = new BranchDecisions(client.branches());
    }

    // --- association

    @Override
    public synchronized void start(Xid xid, int flags) throws XAException {
        BranchId id = idOf(xid);
        if (associated != null) {
            throw XaErrors.error(XAException.XAER_PROTO, "start of " + id + " while the resource works in branch "
                    + associated.id() + ": end it first");
        }
        associated = switch (flags) {
            case TMNOFLAGS -> begin(id);
            case TMJOIN -> join(registry.known(id));
            case TMRESUME -> resume(registry.known(id));
            default -> throw XaErrors.error(XAException.XAER_INVAL, "start takes TMNOFLAGS, TMJOIN or TMRESUME, not "
                    + flags);
        };
    }

    private Branch begin(BranchId id) throws XAException {
        Branch branch = registry.create(id, timeoutSeconds, clock);
        branch.associate();
        return branch;
    }

    private static Branch join(Branch branch) throws XAException {
        branch.associate();
        return branch;
    }

    private Branch resume(Branch branch) throws XAException {
        if (!suspended.remove(branch)) {
            throw XaErrors.error(XAException.XAER_PROTO, "resume of branch " + branch.id()
                    + ", which this resource did not suspend");
        }
        branch.resume();
        return branch;
    }

    @Override
    public synchronized void end(Xid xid, int flags) throws XAException {
        if (flags != TMSUCCESS && flags != TMFAIL && flags != TMSUSPEND) {
            throw XaErrors.error(XAException.XAER_INVAL, "end takes TMSUCCESS, TMFAIL or TMSUSPEND, not " + flags);
        }
        Branch branch = registry.known(idOf(xid));
        boolean wasSuspended = suspended.contains(branch);
        if (branch != associated && !(wasSuspended && flags != TMSUSPEND)) {
            throw XaErrors.error(XAException.XAER_PROTO, "end of branch " + branch.id()
                    + ", which this resource does not work in");
        }
        if (flags == TMSUSPEND) {
            branch.suspend();
            suspended.add(branch);
        } else {
            branch.dissociate(wasSuspended);
            suspended.remove(branch);
        }
        if (flags == TMFAIL) {
            branch.markRollbackOnly();
        }
        if (branch == associated) {
            associated = null;
        }
    }

    // --- work in a branch

    /** Whether the resource is associated with a branch now: sends and receives belong to it. */
    public synchronized boolean inBranch() {
        return associated != null;
    }

    /**
     * Sends {@code message} as a half message of the associated branch, to be delivered when the
     * branch commits. Nobody need wait for it: the branch's prepare (or one-phase commit, or
     * rollback) waits for its sends first, and one that failed rolls the branch back. Sends start in
     * the order they were made, also while the topic's route is looked up (see the client's routes),
     * so they are stored in that order.
     *
     * @throws IllegalStateException when the resource is not associated with a branch
     */
    public CompletableFuture<SendResult> sendInBranch(OutgoingMessage message, QueueSelector selector) {
        Branch branch = associatedBranch();
        joinProducerGroupOnce();
        CompletableFuture<SendResult> sent;
        try {
            sent = client.branches().sendHalfAsync(PRODUCER_GROUP, branch.text(), message, selector);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // rolls the branch back at its prepare, as any failed send
        }
        branch.sending(sent);
        return sent;
    }

    /** Records a message received in the associated branch, settled when the branch is decided. */
    public void receivedInBranch(BranchWork receipt) {
        associatedBranch().did(receipt);
    }

    private synchronized Branch associatedBranch() {
        if (associated == null) {
            throw new IllegalStateException("the XA resource is not associated with a branch");
        }
        return associated;
    }

    // the client's heartbeat names the group to the brokers of the routes in use, for check-backs
    private synchronized void joinProducerGroupOnce() {
        if (!joinedProducerGroup) {
            client.joinProducerGroup(PRODUCER_GROUP);
            joinedProducerGroup = true;
        }
    }

    // --- decisions

    @Override
    public int prepare(Xid xid) throws XAException {
        Branch branch = registry.known(idOf(xid));
        branch.checkEnded("prepare");
        branch.awaitSends();
        rollbackIfDoomed(branch);
        if (branch.isReadOnly()) {
            registry.remove(branch);
            return XA_RDONLY;
        }
        try {
            decisions.prepare(branch);
        } catch (XAException e) {
            registry.remove(branch);
            throw e;
        }
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        BranchId id = idOf(xid);
        Branch branch = onePhase ? registry.known(id) : knownOrRecovered(id);
        if (onePhase) {
            branch.checkEnded("one-phase commit");
            branch.awaitSends();
            rollbackIfDoomed(branch);
            if (isLocalAcrossBrokers(branch)) {
                commitAcrossBrokers(branch);
                return;
            }
            prepareIfSeveralBrokers(branch);
        } else {
            branch.checkPrepared();
        }
        decide(branch, () -> decisions.commit(branch, onePhase && branch.brokers().size() <= 1));
    }

    /**
     * A local transaction's branch (the resource adapter's) that sent to several brokers has no
     * transaction manager to recover it: one of the brokers keeps the decision, as for a transacted session.
     */
    private static boolean isLocalAcrossBrokers(Branch branch) {
        return branch.id().isLocal() && branch.brokers().size() > 1;
    }

    // over either way: settled, or left to the brokers, which ask the coordinator
    private void commitAcrossBrokers(Branch branch) throws XAException {
        try {
            decisions.commitAcrossBrokers(branch);
        } finally {
            registry.remove(branch);
        }
    }

    // a one-phase commit over several brokers is two-phase inside, so that it is all or nothing
    private void prepareIfSeveralBrokers(Branch branch) throws XAException {
        if (branch.brokers().size() > 1) {
            try {
                decisions.prepare(branch);
            } catch (XAException e) {
                registry.remove(branch);
                throw e;
            }
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        Branch branch = knownOrRecovered(idOf(xid));
        synchronized (this) {
            if (branch == associated) {
                // a transaction manager timing the transaction out may roll back without end
                branch.dissociate(false);
                associated = null;
            }
        }
        branch.awaitSends();
        decide(branch, () -> decisions.rollback(branch));
    }

    @Override
    public void forget(Xid xid) throws XAException {
        BranchId id = idOf(xid);
        Branch branch = registry.find(id);
        if (branch == null) {
            Branch recovered = Branch.recovered(id, decisions.everyBroker());
            decisions.forget(recovered, recovered.brokers());
            return;
        }
        decisions.forget(branch, branch.heuristicBrokers());
        registry.remove(branch);
    }

    private interface Decision {
        void run() throws XAException;
    }

    /** Runs the decision; the branch is over unless a broker did not answer or it ended heuristically. */
    private void decide(Branch branch, Decision decision) throws XAException {
        try {
            decision.run();
            registry.remove(branch);
        } catch (XAException e) {
            if (XaErrors.isRollback(e.errorCode) || e.errorCode == XAException.XAER_NOTA) {
                registry.remove(branch);
            }
            throw e;
        }
    }

    private void rollbackIfDoomed(Branch branch) throws XAException {
        int reason = branch.rollbackReason();
        if (reason != 0) {
            decisions.rollbackQuietly(branch);
            registry.remove(branch);
            throw XaErrors.error(reason, "branch " + branch.id() + " " + branch.rollbackCause() + ": rolled back");
        }
    }

    private Branch knownOrRecovered(BranchId id) throws XAException {
        Branch branch = registry.find(id);
        return branch != null ? branch : Branch.recovered(id, decisions.everyBroker());
    }

    // --- recovery and identity

    @Override
    public synchronized Xid[] recover(int flags) throws XAException {
        if ((flags & ~(TMSTARTRSCAN | TMENDRSCAN)) != 0) {
            throw XaErrors.error(XAException.XAER_INVAL, "recover takes TMSTARTRSCAN, TMENDRSCAN or TMNOFLAGS, not "
                    + flags);
        }
        boolean starts = (flags & TMSTARTRSCAN) != 0;
        if (!starts && !scanning) {
            throw XaErrors.error(XAException.XAER_PROTO, "recover without TMSTARTRSCAN outside a scan");
        }
        // the whole list comes with TMSTARTRSCAN; a continued scan has nothing more. A local transaction's
        // branch is left out: its brokers settle it with its coordinator, and a manager presuming abort must not
        Xid[] found = starts ? decisions.recover().stream().map(BranchId::parse).filter(id -> !id.isLocal())
                .toArray(Xid[]::new) : new Xid[0];
        scanning = (flags & TMENDRSCAN) == 0;
        return found;
    }

    /** True for any Bolide resource of the same cluster (the same name servers, in any order). */
    @Override
    public boolean isSameRM(XAResource other) {
        return other instanceof BolideXAResource bolide && bolide.clusterKey.equals(clusterKey);
    }

    /** A branch started later rolls back instead of preparing once it is older than {@code seconds}; 0: never. */
    @Override
    public synchronized boolean setTransactionTimeout(int seconds) throws XAException {
        if (seconds < 0) {
            throw XaErrors.error(XAException.XAER_INVAL, "a transaction timeout is 0 or more seconds, not " + seconds);
        }
        timeoutSeconds = seconds;
        return true;
    }

    @Override
    public synchronized int getTransactionTimeout() {
        return timeoutSeconds;
    }

    private static BranchId idOf(Xid xid) throws XAException {
        if (xid == null) {
            throw XaErrors.error(XAException.XAER_INVAL, "the Xid is null");
        }
        try {
            return BranchId.of(xid);
        } catch (IllegalArgumentException e) {
            throw XaErrors.error(XAException.XAER_INVAL, "bad Xid: " + e.getMessage(), e);
        }
    }
}
