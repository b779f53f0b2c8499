package dev.bolide.ra.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A second resource manager for a crash test's transaction, which holds the transaction manager in
 * one phase of the two-phase commit until the test kills the server: in that phase it creates the
 * marker file the test waits for and never returns. In every other call it does what a resource with
 * nothing to do does. Never recovered: after the restart nothing asks for it.
 */
public abstract class BlockingResource implements XAResource {
    /** The system property (set on the server's command line) naming the marker file. */
    public static final String MARKER_PROPERTY = "bolide.crash.marker";

    private final CountDownLatch never = new CountDownLatch(1);

    /** Creates the marker file, then never returns. */
    protected final void hang() {
        try {
            Files.createFile(marker());
            never.await();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a transaction hung here already: the marker survives the server's restart. */
    protected static boolean hungBefore() {
        return Files.exists(marker());
    }

    private static Path marker() {
        return Path.of(System.getProperty(MARKER_PROPERTY));
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
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
