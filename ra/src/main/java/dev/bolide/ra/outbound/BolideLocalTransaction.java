package dev.bolide.ra.outbound;

import dev.bolide.protocol.xa.BranchId;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import java.nio.ByteBuffer;
import java.util.UUID;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * The server's local transaction on a managed connection (a pool declared {@code LocalTransaction}):
 * a branch of the connection's own XA resource under an id of the adapter's
 * ({@link BranchId#ADAPTER_LOCAL_FORMAT_ID}, "BOLR", which transaction managers never use), committed
 * in one phase. So the session's sends between begin and commit are half-messages, visible only after
 * the commit and never after a rollback, and its receives are settled with it, as in an XA transaction.
 * A transaction that sent to several brokers commits atomically among them, as a transacted session's
 * does: the client's XA resource knows the format id for a local transaction's, and one of the brokers
 * keeps the decision, which the others ask for if the commit does not reach them.
 */
final class BolideLocalTransaction implements LocalTransaction {
    private final XAResource resource;
    private BranchId branch;

    BolideLocalTransaction(XAResource resource) {
        this.resource = resource;
    }

    @Override
    public synchronized void begin() throws ResourceException {
        if (branch != null) {
            throw new LocalTransactionException("a local transaction is already active on this connection");
        }
        BranchId started = newBranch();
        try {
            resource.start(started, XAResource.TMNOFLAGS);
        } catch (XAException e) {
            throw failure("begin", e);
        }
        branch = started;
    }

    @Override
    public synchronized void commit() throws ResourceException {
        BranchId ending = takeBranch("commit");
        try {
            resource.end(ending, XAResource.TMSUCCESS);
            resource.commit(ending, true);
        } catch (XAException e) {
            throw failure("commit", e);
        }
    }

    @Override
    public synchronized void rollback() throws ResourceException {
        BranchId ending = takeBranch("rollback");
        try {
            resource.end(ending, XAResource.TMFAIL);
            resource.rollback(ending);
        } catch (XAException e) {
            throw failure("rollback", e);
        }
    }

    synchronized boolean isActive() {
        return branch != null;
    }

    private BranchId takeBranch(String what) throws LocalTransactionException {
        if (branch == null) {
            throw new LocalTransactionException(what + ": no local transaction is active on this connection");
        }
        BranchId taken = branch;
        branch = null;
        return taken;
    }

    private static LocalTransactionException failure(String what, XAException e) {
        return new LocalTransactionException(what + " of the local transaction failed (XA code " + e.errorCode
                + "): " + e.getMessage(), e);
    }

    private static BranchId newBranch() {
        UUID id = UUID.randomUUID();
        byte[] global = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
        return BranchId.of(BranchId.ADAPTER_LOCAL_FORMAT_ID, global, new byte[] {1});
    }
}
