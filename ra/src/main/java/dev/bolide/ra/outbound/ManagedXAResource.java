package dev.bolide.ra.outbound;

import dev.bolide.client.spi.AdapterConnection;
import jakarta.jms.JMSException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XA resource the server is given for a managed connection: the connection's own while it lives;
 * once it is destroyed, its decisions (recover, commit, rollback, forget) go through a Bolide
 * connection opened for the one call, with the same settings and account.
 *
 * <p>Why: WildFly (IronJacamar) recovers through a managed connection that it destroys after the
 * scan, and Narayana commits the branches it found later, on the XA resource the scan returned; the
 * connection's own resource then failed with "remoting client closed" and the branch stayed prepared.
 */
final class ManagedXAResource implements XAResource {
    private final BolideManagedConnection managed;
    private final XAResource own;

    ManagedXAResource(BolideManagedConnection managed, XAResource own) {
        this.managed = managed;
        this.own = own;
    }

    private interface Call<T> {
        T on(XAResource resource) throws XAException;
    }

    /** {@code call} on the connection's own resource, or on one of a connection opened for it once that one is destroyed. */
    private <T> T decide(Call<T> call) throws XAException {
        if (managed.isUsable()) {
            return call.on(own);
        }
        try (AdapterConnection connection = managed.openAnother()) {
            return call.on(connection.createXASession().getXAResource());
        } catch (JMSException e) {
            XAException failure = new XAException("no Bolide connection for an XA decision: " + e.getMessage());
            failure.errorCode = XAException.XAER_RMFAIL;
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        decide(resource -> {
            resource.commit(xid, onePhase);
            return null;
        });
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        decide(resource -> {
            resource.rollback(xid);
            return null;
        });
    }

    @Override
    public void forget(Xid xid) throws XAException {
        decide(resource -> {
            resource.forget(xid);
            return null;
        });
    }

    /** A whole scan in one call once destroyed: the list comes with TMSTARTRSCAN, a continued scan has nothing more. */
    @Override
    public Xid[] recover(int flags) throws XAException {
        if (managed.isUsable() || (flags & TMSTARTRSCAN) == 0) {
            return own.recover(flags);
        }
        return decide(resource -> resource.recover(TMSTARTRSCAN | TMENDRSCAN));
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        own.start(xid, flags);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        own.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return own.prepare(xid);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return own.isSameRM(other instanceof ManagedXAResource managedOther ? managedOther.own : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return own.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return own.setTransactionTimeout(seconds);
    }
}
