package dev.bolide.ra.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A second resource manager for the crash test's transaction: it prepares like any other, and in
 * commit it creates the marker file the test waits for and then never returns, so the transaction
 * manager is held in its commit phase until the test kills the server. Never recovered: after the
 * restart nothing asks for it.
 */
public final class CommitBlockingResource implements XAResource {
    /** The system property (set on the server's command line) naming the marker file. */
    public static final String MARKER_PROPERTY = "bolide.crash.marker";

    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public void commit(Xid xid, boolean onePhase) {
        try {
            Files.createFile(Path.of(System.getProperty(MARKER_PROPERTY)));
            never.await();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    /** Only itself: the transaction manager must keep it a branch of its own. */
    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
