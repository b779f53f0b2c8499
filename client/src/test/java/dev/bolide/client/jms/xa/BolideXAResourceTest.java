package dev.bolide.client.jms.xa;

import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMFAIL;
import static javax.transaction.xa.XAResource.TMJOIN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMRESUME;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.TMSUSPEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.SendResult;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XA state machine of BolideXAResource against a real broker on loopback. */
class BolideXAResourceTest {
    @TempDir
    static Path dir;
    private static XaCluster cluster;
    private BolideXAResource resource;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new XaCluster(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void start() {
        cluster.newTopic();
        resource = cluster.newResource();
    }

    @AfterEach
    void stop() {
        cluster.closeClients();
    }

    private static void assertXaError(ThrowingCallable call, int errorCode) {
        assertThatThrownBy(call).isInstanceOf(XAException.class)
                .satisfies(e -> assertThat(((XAException) e).errorCode).as(e.getMessage()).isEqualTo(errorCode));
    }

    private Xid sendInNewBranch(BolideXAResource on, String... texts) throws XAException {
        Xid xid = TestXid.next();
        on.start(xid, TMNOFLAGS);
        for (String text : texts) {
            on.sendInBranch(cluster.message(text), null);
        }
        on.end(xid, TMSUCCESS);
        return xid;
    }

    private List<String> deliveredOnce(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cluster.delivered().size() >= count);
        return cluster.delivered();
    }

    // --- protocol errors

    @Test
    void startWhileWorkingInAnotherBranchIsAProtocolError() throws Exception {
        resource.start(TestXid.next(), TMNOFLAGS);

        assertXaError(() -> resource.start(TestXid.next(), TMNOFLAGS), XAException.XAER_PROTO);
    }

    @Test
    void startingAStartedBranchAgainIsADuplicate() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.end(xid, TMSUCCESS);

        assertXaError(() -> resource.start(xid, TMNOFLAGS), XAException.XAER_DUPID);
    }

    @Test
    void startWithAnEndFlagIsInvalid() {
        assertXaError(() -> resource.start(TestXid.next(), TMSUCCESS), XAException.XAER_INVAL);
    }

    @Test
    void endOfABranchNeverStartedIsUnknown() {
        assertXaError(() -> resource.end(TestXid.next(), TMSUCCESS), XAException.XAER_NOTA);
    }

    @Test
    void endByAResourceNotWorkingInTheBranchIsAProtocolError() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);

        assertXaError(() -> cluster.newResource().end(xid, TMSUCCESS), XAException.XAER_PROTO);
    }

    @Test
    void prepareBeforeEndIsAProtocolError() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.sendInBranch(cluster.message("one"), null);

        assertXaError(() -> resource.prepare(xid), XAException.XAER_PROTO);
    }

    @Test
    void twoPhaseCommitOfAnUnpreparedBranchIsAProtocolError() throws Exception {
        Xid xid = sendInNewBranch(resource, "one");

        assertXaError(() -> resource.commit(xid, false), XAException.XAER_PROTO);
    }

    @Test
    void prepareOfAnUnknownBranchIsUnknown() {
        assertXaError(() -> resource.prepare(TestXid.next()), XAException.XAER_NOTA);
    }

    @Test
    void aSendOutsideABranchIsRefused() {
        assertThatThrownBy(() -> resource.sendInBranch(cluster.message("one"), null))
                .isInstanceOf(IllegalStateException.class);
    }

    // --- decisions

    @Test
    void aBranchThatDidNothingPreparesReadOnly() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.end(xid, TMSUCCESS);

        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_RDONLY);
        assertXaError(() -> resource.commit(xid, false), XAException.XAER_NOTA);
    }

    @Test
    void messagesOfABranchAreDeliveredOnlyAtTwoPhaseCommit() throws Exception {
        Xid xid = sendInNewBranch(resource, "one", "two");

        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
        resource.commit(xid, false);

        assertThat(deliveredOnce(3)).containsExactly("marker", "one", "two");
    }

    // the first sends of a resource wait for its route and connection: none may overtake another
    @Test
    void theSendsOfABranchAreDeliveredInTheOrderTheyWereMade() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            sent.add("message-" + i);
        }
        Xid xid = sendInNewBranch(resource, sent.toArray(String[]::new));

        resource.commit(xid, true);

        assertThat(deliveredOnce(30)).containsExactlyElementsOf(sent);
    }

    @Test
    void aOnePhaseCommitDeliversWithoutPrepare() throws Exception {
        Xid xid = sendInNewBranch(resource, "one");

        resource.commit(xid, true);

        assertThat(deliveredOnce(1)).containsExactly("one");
    }

    @Test
    void aRollbackDiscardsThePreparedMessages() throws Exception {
        Xid xid = sendInNewBranch(resource, "one");
        resource.prepare(xid);

        resource.rollback(xid);

        assertThat(cluster.deliveredUpToMarker()).isEmpty();
        assertThat(resource.recover(TMSTARTRSCAN | TMENDRSCAN)).doesNotContain(xid);
    }

    // a send in a branch is not awaited by the sender: its prepare learns of the failure
    @Test
    void aBranchWithAFailedSendRollsBackAtPrepare() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.sendInBranch(cluster.message("one"), null);
        byte[] beyondMaxMessageSize = new byte[256 * 1024];
        new Random(7).nextBytes(beyondMaxMessageSize);
        CompletableFuture<SendResult> refused = resource.sendInBranch(OutgoingMessage.of(
                cluster.message("two").topic(), beyondMaxMessageSize, Map.of()), null);
        resource.end(xid, TMSUCCESS);

        assertXaError(() -> resource.prepare(xid), XAException.XA_RBROLLBACK);
        assertThat(refused).isCompletedExceptionally();
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
    }

    @Test
    void aBranchEndedWithTmFailRollsBackAtPrepare() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.sendInBranch(cluster.message("one"), null);
        resource.end(xid, TMFAIL);

        assertXaError(() -> resource.prepare(xid), XAException.XA_RBROLLBACK);
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
    }

    @Test
    void aBranchOlderThanItsTransactionTimeoutRollsBackAtPrepare() throws Exception {
        MutableClock clock = new MutableClock();
        BolideXAResource timed = cluster.newResource(clock);
        timed.setTransactionTimeout(1);
        Xid xid = sendInNewBranch(timed, "one");

        clock.advance(Duration.ofMillis(1_001));

        assertXaError(() -> timed.prepare(xid), XAException.XA_RBTIMEOUT);
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
    }

    @Test
    void aBranchAsOldAsItsTransactionTimeoutStillPrepares() throws Exception {
        MutableClock clock = new MutableClock();
        BolideXAResource timed = cluster.newResource(clock);
        timed.setTransactionTimeout(1);
        Xid xid = sendInNewBranch(timed, "one");

        clock.advance(Duration.ofSeconds(1));

        assertThat(timed.prepare(xid)).isEqualTo(XAResource.XA_OK);
        timed.commit(xid, false);
        assertThat(cluster.deliveredUpToMarker()).containsExactly("one");
    }

    @Test
    void aNegativeTransactionTimeoutIsInvalid() {
        assertXaError(() -> resource.setTransactionTimeout(-1), XAException.XAER_INVAL);
    }

    @Test
    void aRollbackOfACommittedBranchIsAHeuristicCommit() throws Exception {
        Xid xid = sendInNewBranch(resource, "one");
        resource.prepare(xid);
        resource.commit(xid, false);

        assertXaError(() -> cluster.newResource().rollback(xid), XAException.XA_HEURCOM);
    }

    // --- join, suspend, resume

    @Test
    void aResourceOfAnotherConnectionJoinsTheBranchAndOneCommitDeliversBoth() throws Exception {
        BolideXAResource other = cluster.newResource();
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.sendInBranch(cluster.message("first"), null);
        resource.end(xid, TMSUCCESS);

        other.start(xid, TMJOIN);
        other.sendInBranch(cluster.message("joined"), null);
        other.end(xid, TMSUCCESS);
        resource.prepare(xid);
        resource.commit(xid, false);

        // two connections' sends have no order between them (Jakarta Messaging orders one session's)
        assertThat(deliveredOnce(2)).containsExactlyInAnyOrder("first", "joined");
    }

    @Test
    void joiningABranchNeverStartedIsUnknown() {
        assertXaError(() -> resource.start(TestXid.next(), TMJOIN), XAException.XAER_NOTA);
    }

    @Test
    void aSuspendedBranchTakesNoWorkUntilResumed() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.sendInBranch(cluster.message("before"), null);
        resource.end(xid, TMSUSPEND);
        assertThat(resource.inBranch()).isFalse();
        assertXaError(() -> resource.prepare(xid), XAException.XAER_PROTO);

        resource.start(xid, TMRESUME);
        resource.sendInBranch(cluster.message("after"), null);
        resource.end(xid, TMSUCCESS);
        resource.commit(xid, true);

        assertThat(deliveredOnce(2)).containsExactly("before", "after");
    }

    @Test
    void resumingABranchAnotherResourceSuspendedIsAProtocolError() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.end(xid, TMSUSPEND);

        assertXaError(() -> cluster.newResource().start(xid, TMRESUME), XAException.XAER_PROTO);
    }

    @Test
    void aSuspendedBranchCanBeEndedWithoutResuming() throws Exception {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.sendInBranch(cluster.message("one"), null);
        resource.end(xid, TMSUSPEND);

        resource.end(xid, TMSUCCESS);

        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        resource.rollback(xid);
    }

    // --- receives

    @Test
    void receivesAreAcknowledgedAtCommit() throws Exception {
        List<String> settled = new ArrayList<>();
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.receivedInBranch(new RecordingWork("received", settled));
        resource.end(xid, TMSUCCESS);

        assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(settled).isEmpty();
        resource.commit(xid, false);

        assertThat(settled).containsExactly("received acknowledged");
    }

    @Test
    void receivesAreRedeliveredAtRollbackFirstOneFirst() throws Exception {
        List<String> settled = new ArrayList<>();
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.receivedInBranch(new RecordingWork("first", settled));
        resource.receivedInBranch(new RecordingWork("second", settled));
        resource.sendInBranch(cluster.message("one"), null);
        resource.end(xid, TMSUCCESS);

        resource.rollback(xid);

        // each goes back to the head of its consumer's buffer: the last pushed back is delivered first
        assertThat(settled).containsExactly("second redelivered", "first redelivered");
    }

    // --- recovery and identity

    @Test
    void aFreshConnectionRecoversThePreparedBranchAndCommitsIt() throws Exception {
        Xid xid = sendInNewBranch(resource, "one");
        resource.prepare(xid);

        BolideXAResource fresh = freshJvmLikeResource();
        Xid[] recovered = fresh.recover(TMSTARTRSCAN | TMENDRSCAN);
        assertThat(recovered).contains(xid);
        fresh.commit(xid, false);

        assertThat(deliveredOnce(1)).containsExactly("one");
        assertThat(fresh.recover(TMSTARTRSCAN | TMENDRSCAN)).doesNotContain(xid);
    }

    /** A resource on a name server address spelled otherwise, so that it shares no branch table with the first. */
    private BolideXAResource freshJvmLikeResource() {
        return cluster.newResource(cluster.nameServer().replace("127.0.0.1", "localhost"));
    }

    @Test
    void aScanReturnsEverythingAtItsStartAndNothingMore() throws Exception {
        Xid xid = sendInNewBranch(resource, "one");
        resource.prepare(xid);

        assertThat(resource.recover(TMSTARTRSCAN)).contains(xid);
        assertThat(resource.recover(TMNOFLAGS)).isEmpty();
        assertThat(resource.recover(TMENDRSCAN)).isEmpty();
        resource.rollback(xid);
    }

    @Test
    void aScanLeavesOutTheBranchesOfLocalTransactionsWhichTheBrokersSettle() throws Exception {
        Xid managers = sendInNewBranch(resource, "the manager's");
        resource.prepare(managers);
        Xid local = BranchId.of(BranchId.ADAPTER_LOCAL_FORMAT_ID, new byte[] {0x4c, 0x0c}, new byte[] {1});
        resource.start(local, TMNOFLAGS);
        resource.sendInBranch(cluster.message("the adapter's"), null);
        resource.end(local, TMSUCCESS);
        resource.prepare(local);

        assertThat(resource.recover(TMSTARTRSCAN | TMENDRSCAN)).contains(managers).doesNotContain(local);
        resource.rollback(managers);
        resource.rollback(local);
    }

    @Test
    void recoverOutsideAScanIsAProtocolError() {
        assertXaError(() -> resource.recover(TMNOFLAGS), XAException.XAER_PROTO);
    }

    @Test
    void recoverWithAnotherFlagIsInvalid() {
        assertXaError(() -> resource.recover(TMJOIN), XAException.XAER_INVAL);
    }

    @Test
    void resourcesOfTheSameNameServersAreTheSameResourceManager() {
        String nameServer = cluster.nameServer();
        BolideXAResource listedOtherwise = cluster.newResource("127.0.0.9:1; " + nameServer);
        BolideXAResource sameOrder = cluster.newResource(nameServer + ";127.0.0.9:1");

        assertThat(listedOtherwise.isSameRM(sameOrder)).isTrue();
        assertThat(resource.isSameRM(cluster.newResource())).isTrue();
        assertThat(resource.isSameRM(listedOtherwise)).isFalse();
    }

    @Test
    void forgetOfAnUnknownBranchIsUnknown() {
        assertXaError(() -> resource.forget(TestXid.next()), XAException.XAER_NOTA);
    }
}
