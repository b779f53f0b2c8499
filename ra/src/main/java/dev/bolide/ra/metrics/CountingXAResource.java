package dev.bolide.ra.metrics;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An XA resource that does what its delegate does and tells {@link BranchMeters} of each branch
 * started (not joined or resumed), committed and rolled back. Two are the same resource manager
 * when their delegates are.
 */
final class CountingXAResource implements XAResource {
    private final XAResource delegate;
    private final BranchMeters meters;

    CountingXAResource(XAResource delegate, BranchMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        delegate.start(xid, flags);
        if (flags == TMNOFLAGS) {
            meters.started();
        }
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        delegate.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return delegate.prepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        delegate.commit(xid, onePhase);
        meters.committed();
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        delegate.rollback(xid);
        meters.rolledBack();
    }

    @Override
    public void forget(Xid xid) throws XAException {
        delegate.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return delegate.recover(flag);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return delegate.isSameRM(other instanceof CountingXAResource counting ? counting.delegate : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return delegate.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return delegate.setTransactionTimeout(seconds);
    }
}
