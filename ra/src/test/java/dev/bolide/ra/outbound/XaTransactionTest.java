package dev.bolide.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.protocol.xa.BranchId;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/**
 * The managed connection's XA resource, driven as a transaction manager would: sends of the
 * session in a branch are half-messages until the branch commits, and a connection made with no
 * request info recovers the branches another client prepared, also after the server destroyed it.
 */
class XaTransactionTest extends OutboundTestBase {
    @Test
    void aSendInACommittedBranchBecomesVisible() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        Xid xid = newXid();

        sendInBranch(managed, xid, queue, "committed");
        XAResource resource = managed.getXAResource();
        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        resource.commit(xid, false);

        assertThat(awaitBrowsed(queue, "committed")).containsExactly("committed");
    }

    @Test
    void aSendInARolledBackBranchIsNeverVisible() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        Xid xid = newXid();

        sendInBranch(managed, xid, queue, "rolled back");
        managed.getXAResource().prepare(xid);
        managed.getXAResource().rollback(xid);
        sendOutside(queue, "later, at once");

        assertThat(awaitBrowsed(queue, "later, at once")).containsExactly("later, at once");
    }

    @Test
    void aSendInAPreparedBranchIsNotVisible() throws Exception {
        BolideManagedConnection managed = managedConnection();
        String queue = fresh("Orders");
        Xid xid = newXid();
        sendInBranch(managed, xid, queue, "prepared");
        managed.getXAResource().prepare(xid);

        sendOutside(queue, "later, at once");

        assertThat(awaitBrowsed(queue, "later, at once")).containsExactly("later, at once");
        managed.getXAResource().rollback(xid);
    }

    @Test
    void inABranchTheSessionIsTransacted() throws Exception {
        BolideManagedConnection managed = managedConnection();
        Session session = handle(managed).createSession();
        Xid xid = newXid();

        managed.getXAResource().start(xid, XAResource.TMNOFLAGS);
        try {
            assertThat(session.getTransacted()).isTrue();
        } finally {
            managed.getXAResource().end(xid, XAResource.TMSUCCESS);
            managed.getXAResource().rollback(xid);
        }
    }

    /** What Payara does: a managed connection with no request info, then recover on its XA resource. */
    @Test
    void aConnectionWithNoRequestInfoRecoversABranchAnotherClientPrepared() throws Exception {
        BolideManagedConnection other = managedConnection();
        String queue = fresh("Orders");
        Xid xid = newXid();
        sendInBranch(other, xid, queue, "recovered");
        other.getXAResource().prepare(xid);
        other.destroy();

        XAResource recovering = managedConnection(factory, null).getXAResource();
        Xid[] prepared = recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        assertThat(Arrays.stream(prepared).map(BranchId::format)).contains(BranchId.format(xid));
        recovering.commit(xid, false);

        assertThat(awaitBrowsed(queue, "recovered")).containsExactly("recovered");
    }

    /**
     * What WildFly does: IronJacamar destroys its recovery connection after the scan, and Narayana
     * commits the branch later on the XA resource the scan returned.
     */
    @Test
    void theXaResourceOfADestroyedConnectionStillCommitsTheBranchesItsScanFound() throws Exception {
        BolideManagedConnection other = managedConnection();
        String queue = fresh("Orders");
        Xid xid = newXid();
        sendInBranch(other, xid, queue, "recovered later");
        other.getXAResource().prepare(xid);
        other.destroy();
        BolideManagedConnection scanning = managedConnection(factory, null);
        XAResource recovering = scanning.getXAResource();
        Xid[] prepared = recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);

        scanning.destroy();
        recovering.commit(xid, false);

        assertThat(Arrays.stream(prepared).map(BranchId::format)).contains(BranchId.format(xid));
        assertThat(awaitBrowsed(queue, "recovered later")).containsExactly("recovered later");
        assertThat(Arrays.stream(recovering.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN))
                .map(BranchId::format)).doesNotContain(BranchId.format(xid));
    }

    private static void sendInBranch(BolideManagedConnection managed, Xid xid, String queue, String text)
            throws Exception {
        XAResource resource = managed.getXAResource();
        resource.start(xid, XAResource.TMNOFLAGS);
        send(handle(managed), queue, text);
        resource.end(xid, XAResource.TMSUCCESS);
    }

    private static Xid newXid() {
        return BranchId.of(4711, fresh("gtrid").getBytes(StandardCharsets.US_ASCII), new byte[] {1});
    }
}
