package dev.bolide.ra.crash;

import javax.transaction.xa.Xid;

/**
 * Hangs in commit: the transaction manager has prepared every resource and logged its commit
 * decision. Enlisted before the Bolide branch, it is committed first, so the Bolide branch stays
 * prepared, to be committed by recovery after the restart.
 */
public final class CommitBlockingResource extends BlockingResource {

    @Override
    public void commit(Xid xid, boolean onePhase) {
        hang();
    }
}
