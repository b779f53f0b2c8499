package dev.bolide.ra.crash;

import javax.transaction.xa.Xid;

/**
 * Hangs in prepare, once: enlisted after the Bolide branch, it is prepared after it, so the Bolide
 * branch is prepared while the transaction manager has logged no decision, and recovery after the
 * restart rolls it back (presumed abort). After the restart (the marker is there) it prepares like
 * any other resource, so that the redelivered message's transaction commits.
 */
public final class PrepareBlockingResource extends BlockingResource {

    @Override
    public int prepare(Xid xid) {
        if (!hungBefore()) {
            hang();
        }
        return XA_OK;
    }
}
