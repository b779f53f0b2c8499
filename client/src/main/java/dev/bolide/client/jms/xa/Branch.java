package dev.bolide.client.jms.xa;

import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.protocol.xa.BranchReceipt;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.transaction.xa.XAException;

/**
 * One XA branch as this JVM knows it: which brokers hold its messages, what else was done in it (receives),
 * how many resources are associated with it, and where it stands (open, rollback-only, prepared, heuristic).
 */
final class Branch {
    private final BranchId id;
    private final boolean recovered;
    private final Clock clock;
    /** When the branch outlives its transaction timeout; null: never. */
    private final Instant deadline;
    /** How many messages were sent in the branch to each broker; -1: not known (a recovered branch). */
    private final Map<String, Integer> brokers = new TreeMap<>();
    private final Set<String> heuristicBrokers = new TreeSet<>();
    private final List<BranchWork> work = new ArrayList<>();
    /** The brokers that recorded the branch's receipts from their queues at its prepare: they settle them. */
    private final Set<String> receiptsHeldBy = new TreeSet<>();
    /** Sends not yet awaited: their brokers count only once they answered. */
    private final List<CompletableFuture<SendResult>> sending = new ArrayList<>();
    /** Why a send in the branch failed; the branch can then only roll back. */
    private Throwable failedSend;
    private int associations;
    private int suspensions;
    private boolean rollbackOnly;
    private boolean prepared;

    /**
     * @param timeoutSeconds the transaction timeout: a branch older than it cannot be prepared; 0 for none
     * @param clock          what the timeout is measured on: wall time, as the broker's branch timeout
     */
    Branch(BranchId id, int timeoutSeconds, Clock clock) {
        this(id, clock, timeoutSeconds == 0 ? null : clock.instant().plusSeconds(timeoutSeconds), false);
    }

    private Branch(BranchId id, Clock clock, Instant deadline, boolean recovered) {
        this.id = id;
        this.clock = clock;
        this.deadline = deadline;
        this.recovered = recovered;
    }

    /**
     * A branch this JVM did not start (a transaction manager recovering after a crash, or deciding
     * through another JVM): it may be on any of {@code brokers}, the cluster's.
     */
    static Branch recovered(BranchId id, List<String> brokers) {
        Branch branch = new Branch(id, Clock.systemUTC(), null, true);
        brokers.forEach(broker -> branch.brokers.put(broker, -1));
        branch.prepared = true;
        return branch;
    }

    /** Whether the branch is {@link #recovered}: a broker not having it is no error. */
    boolean recovered() {
        return recovered;
    }

    BranchId id() {
        return id;
    }

    String text() {
        return id.text();
    }

    synchronized void associate() throws XAException {
        if (prepared || !heuristicBrokers.isEmpty()) {
            throw XaErrors.error(XAException.XAER_PROTO, "branch " + id + " is prepared: no more work can join it");
        }
        if (rollbackOnly) {
            throw XaErrors.error(XAException.XA_RBROLLBACK, "branch " + id + " is marked rollback-only");
        }
        associations++;
    }

    synchronized void suspend() {
        associations--;
        suspensions++;
    }

    synchronized void resume() {
        suspensions--;
        associations++;
    }

    /** Ends an association (active, or {@code suspended}). */
    synchronized void dissociate(boolean suspended) {
        if (suspended) {
            suspensions--;
        } else {
            associations--;
        }
    }

    synchronized void markRollbackOnly() {
        rollbackOnly = true;
    }

    synchronized void sentTo(String brokerName) {
        brokers.merge(brokerName, 1, Integer::sum);
    }

    /** A send under way in the branch, awaited by {@link #awaitSends()}. */
    synchronized void sending(CompletableFuture<SendResult> sent) {
        sending.add(sent);
    }

    /**
     * Waits for the sends under way and counts each on its broker; after a failed one the branch
     * can only roll back ({@link #rollbackReason()}).
     */
    void awaitSends() {
        List<CompletableFuture<SendResult>> waiting;
        synchronized (this) {
            waiting = List.copyOf(sending);
            sending.clear();
        }
        for (CompletableFuture<SendResult> sent : waiting) {
            try {
                sentTo(sent.join().queue().brokerName());
            } catch (CompletionException | CancellationException e) {
                failed(e.getCause() != null ? e.getCause() : e);
            }
        }
    }

    private synchronized void failed(Throwable cause) {
        if (failedSend == null) {
            failedSend = cause;
        }
    }

    /** How many messages were sent in the branch to the broker; -1 when not known. */
    synchronized int sentCount(String brokerName) {
        return brokers.getOrDefault(brokerName, -1);
    }

    synchronized void did(BranchWork done) {
        work.add(done);
    }

    /**
     * Before a prepare: the brokers whose queues the branch received from are among its brokers
     * (none sent to), so that they record the receipts and hear the decision.
     */
    synchronized void includeReceiptBrokers() {
        work.stream().map(BranchWork::received).filter(Objects::nonNull)
                .forEach(received -> brokers.putIfAbsent(received.brokerName(), 0));
    }

    /** The messages the branch received from the broker's queues, in receive order. */
    synchronized List<BranchReceipt> receiptsOn(String brokerName) {
        return work.stream().map(BranchWork::received).filter(Objects::nonNull)
                .filter(received -> received.brokerName().equals(brokerName)).map(ReceivedInBranch::receipt).toList();
    }

    /** The broker prepared the branch with its receipts: it gives them back itself if the branch rolls back. */
    synchronized void receiptsHeldBy(String brokerName) {
        receiptsHeldBy.add(brokerName);
    }

    /** Whether the branch may be prepared or committed in one phase: no resource works in it, nothing decided. */
    synchronized void checkEnded(String operation) throws XAException {
        if (associations > 0 || suspensions > 0) {
            throw XaErrors.error(XAException.XAER_PROTO, operation + " of branch " + id
                    + " before every association with it ended");
        }
        if (prepared) {
            throw XaErrors.error(XAException.XAER_PROTO, operation + " of branch " + id + ", which is prepared");
        }
    }

    synchronized void checkPrepared() throws XAException {
        if (!prepared) {
            throw XaErrors.error(XAException.XAER_PROTO, "two-phase commit of branch " + id + ", which is not prepared");
        }
    }

    /** Why the branch must roll back instead of preparing (rollback-only, past its timeout), or 0. */
    synchronized int rollbackReason() {
        if (rollbackOnly || failedSend != null) {
            return XAException.XA_RBROLLBACK;
        }
        return deadline != null && clock.instant().isAfter(deadline) ? XAException.XA_RBTIMEOUT : 0;
    }

    /** What {@link #rollbackReason()} means, for the exception that reports it. */
    synchronized String rollbackCause() {
        if (failedSend != null) {
            return "had a send fail (" + failedSend.getMessage() + ")";
        }
        return rollbackOnly ? "was marked rollback-only" : "outlived its transaction timeout";
    }

    /** Nothing was sent nor received in it: XA_RDONLY. */
    synchronized boolean isReadOnly() {
        return brokers.isEmpty() && work.isEmpty();
    }

    synchronized List<String> brokers() {
        return List.copyOf(brokers.keySet());
    }

    synchronized void prepared() {
        prepared = true;
    }

    /** The broker decided its part as asked: a repeated decision leaves it alone. */
    synchronized void decidedOn(String brokerName) {
        brokers.remove(brokerName);
    }

    synchronized void heuristicOn(String brokerName) {
        brokers.remove(brokerName);
        heuristicBrokers.add(brokerName);
    }

    synchronized List<String> heuristicBrokers() {
        return List.copyOf(heuristicBrokers);
    }

    /**
     * Acknowledges (on commit) or redelivers (on rollback, last first so the first is delivered first
     * again). A receipt a broker recorded at the prepare is acknowledged here either way: on rollback
     * that broker gave the message back through the group's retry topic, the one redelivery.
     */
    void settleWork(boolean committed) {
        List<BranchWork> done;
        Set<String> heldBy;
        synchronized (this) {
            done = new ArrayList<>(work);
            work.clear();
            heldBy = Set.copyOf(receiptsHeldBy);
        }
        if (committed) {
            done.forEach(BranchWork::committed);
        } else {
            Collections.reverse(done);
            done.forEach(item -> {
                if (item.received() != null && heldBy.contains(item.received().brokerName())) {
                    item.committed();
                } else {
                    item.rolledBack();
                }
            });
        }
    }
}
