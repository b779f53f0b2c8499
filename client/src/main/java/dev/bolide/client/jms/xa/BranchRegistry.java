package dev.bolide.client.jms.xa;

import dev.bolide.protocol.xa.BranchId;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import javax.transaction.xa.XAException;

/**
 * The branches of one Bolide cluster that this JVM works in. Shared by every XAResource of the
 * cluster: a transaction manager that finds two of them the same resource manager ({@code isSameRM})
 * joins the branch of one from the other and decides it through either.
 */
final class BranchRegistry {
    private static final ConcurrentMap<String, BranchRegistry> CLUSTERS = new ConcurrentHashMap<>();

    private final ConcurrentMap<BranchId, Branch> branches = new ConcurrentHashMap<>();

    private BranchRegistry() {
    }

    /** The registry of the cluster these name servers serve ({@link #clusterKey}). */
    static BranchRegistry of(String clusterKey) {
        return CLUSTERS.computeIfAbsent(clusterKey, key -> new BranchRegistry());
    }

    /** The name servers, sorted and without blanks: the same cluster however its addresses are listed. */
    static String clusterKey(String nameServers) {
        return Arrays.stream(nameServers.split(";")).map(String::trim).filter(s -> !s.isEmpty()).sorted()
                .collect(Collectors.joining(";"));
    }

    Branch create(BranchId id, int timeoutSeconds, Clock clock) throws XAException {
        Branch branch = new Branch(id, timeoutSeconds, clock);
        if (branches.putIfAbsent(id, branch) != null) {
            throw XaErrors.error(XAException.XAER_DUPID, "branch " + id + " was started already");
        }
        return branch;
    }

    /** The branch, or null when this JVM does not know it (after a crash, say). */
    Branch find(BranchId id) {
        return branches.get(id);
    }

    Branch known(BranchId id) throws XAException {
        Branch branch = branches.get(id);
        if (branch == null) {
            throw XaErrors.error(XAException.XAER_NOTA, "no branch " + id + " was started");
        }
        return branch;
    }

    void remove(Branch branch) {
        branches.remove(branch.id(), branch);
    }
}
