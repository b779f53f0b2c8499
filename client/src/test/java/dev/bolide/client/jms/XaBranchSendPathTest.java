package dev.bolide.client.jms;

import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An XA session driven as a transaction manager drives it: each branch started, ended, prepared and
 * committed by two-phase commit; the next sends go in a new branch.
 */
class XaBranchSendPathTest extends SendPathContract {
    private static final AtomicInteger BRANCHES = new AtomicInteger();

    @Override
    SendingSession open() throws Exception {
        XAConnection connection = started(factory().createXAConnection());
        XASession session = connection.createXASession();
        return new SendingSession(session, new TwoPhaseCommits(session.getXAResource()));
    }

    /** One branch after the other on a resource, each committed in two phases. */
    private static final class TwoPhaseCommits implements Completion {
        private final XAResource resource;
        private Xid branch;

        TwoPhaseCommits(XAResource resource) throws Exception {
            this.resource = resource;
            begin();
        }

        @Override
        public void complete() throws Exception {
            Xid completing = branch;
            resource.end(completing, XAResource.TMSUCCESS);
            try {
                if (resource.prepare(completing) == XAResource.XA_OK) {
                    resource.commit(completing, false);
                }
            } finally {
                begin();
            }
        }

        private void begin() throws Exception {
            int n = BRANCHES.incrementAndGet();
            branch = BranchId.of(0x5350, new byte[] {(byte) (n >> 8), (byte) n, 9}, new byte[] {1});
            resource.start(branch, XAResource.TMNOFLAGS);
        }
    }
}
