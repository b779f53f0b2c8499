package dev.bolide.client.jms.xa;

import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.client.rocketmq.RocketMqException;
import dev.bolide.protocol.remoting.BolideResponseCode;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.store.FlushDiskType;
import dev.bolide.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the broker decides on its own, as the XA layer reports it: an open branch idle past
 * {@code xaBranchTimeout} (rolled back: XA_RBTIMEOUT at prepare) and a prepared branch past
 * {@code xaHeuristicTimeout} (rolled back heuristically: XA_HEURRB at commit, then forget). The
 * broker's clock is moved past the timeouts by hand.
 */
class BrokerTimeoutsTest {
    private static final String BROKER = "broker-a";
    private static final Duration BRANCH_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration HEURISTIC_TIMEOUT = Duration.ofSeconds(600);
    private static final MutableClock CLOCK = new MutableClock();

    @TempDir
    static Path dir;
    private static XaCluster cluster;
    private BolideXAResource resource;

    @BeforeAll
    static void start() throws Exception {
        cluster = XaCluster.on(LoopbackBroker.builder(dir, BROKER).clock(CLOCK)
                .set(Settings.DEFAULT_TOPIC_QUEUE_NUMS, 1).flushDiskType(FlushDiskType.ASYNC_FLUSH)
                .transactions(new TransactionSettings(Duration.ofSeconds(6), Duration.ofMillis(100), 15)
                        .withXa(BRANCH_TIMEOUT, HEURISTIC_TIMEOUT)).start());
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void newTopic() {
        cluster.newTopic();
        resource = cluster.newResource();
    }

    @AfterEach
    void closeClients() {
        cluster.closeClients();
    }

    private Xid sendInNewBranch() throws XAException {
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.sendInBranch(cluster.message("order"), null).join(); // stored before the clock moves
        resource.end(xid, TMSUCCESS);
        return xid;
    }

    /** Asks the broker with a request that changes nothing whether it answers the branch with {@code code}. */
    private static boolean answers(int code, Runnable request) {
        try {
            request.run();
            return false;
        } catch (RocketMqException e) {
            return e.responseCode() == code;
        }
    }

    @Test
    void anOpenBranchTheBrokerTimedOutRollsBackAtPrepareWithRbTimeout() throws Exception {
        Xid xid = sendInNewBranch();
        awaitTimedOut(xid);

        assertThatThrownBy(() -> resource.prepare(xid)).isInstanceOf(XAException.class)
                .satisfies(e -> assertThat(((XAException) e).errorCode).isEqualTo(XAException.XA_RBTIMEOUT));
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
    }

    @Test
    void aOnePhaseCommitOfATimedOutBranchFailsWithRbTimeoutAndRedeliversItsReceives() throws Exception {
        List<String> settled = new ArrayList<>();
        Xid xid = TestXid.next();
        resource.start(xid, TMNOFLAGS);
        resource.sendInBranch(cluster.message("order"), null).join(); // stored before the clock moves
        resource.receivedInBranch(new RecordingWork("received", settled));
        resource.end(xid, TMSUCCESS);
        awaitTimedOut(xid);

        assertThatThrownBy(() -> resource.commit(xid, true)).isInstanceOf(XAException.class)
                .satisfies(e -> assertThat(((XAException) e).errorCode).isEqualTo(XAException.XA_RBTIMEOUT));
        assertThat(settled).containsExactly("received redelivered");
    }

    /** Waits for the broker to time the open branch out, asking with a request that changes nothing. */
    private static void awaitTimedOut(Xid xid) {
        String branch = BranchId.format(xid);
        CLOCK.advance(BRANCH_TIMEOUT);
        // a two-phase commit of an open branch is refused without changing it
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answers(BolideResponseCode.BRANCH_ROLLED_BACK,
                () -> cluster.branches().commitBranch(BROKER, branch, false, -1)));
    }

    @Test
    void aPreparedBranchRolledBackHeuristicallyIsReportedAtCommitAndForgotten() throws Exception {
        Xid xid = sendInNewBranch();
        resource.prepare(xid);
        String branch = BranchId.format(xid);
        CLOCK.advance(HEURISTIC_TIMEOUT);
        // preparing a prepared branch again changes nothing
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> answers(
                BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK, () -> cluster.branches().prepareBranch(BROKER, branch, -1)));
        assertThat(resource.recover(TMSTARTRSCAN | TMENDRSCAN)).contains(xid);

        assertThatThrownBy(() -> resource.commit(xid, false)).isInstanceOf(XAException.class)
                .satisfies(e -> assertThat(((XAException) e).errorCode).isEqualTo(XAException.XA_HEURRB));
        resource.forget(xid);

        assertThat(resource.recover(TMSTARTRSCAN | TMENDRSCAN)).doesNotContain(xid);
        assertThat(cluster.deliveredUpToMarker()).isEmpty();
    }
}
