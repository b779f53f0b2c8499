package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.protocol.remoting.BolideResponseCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.testsupport.MutableClock;
import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * XA branches on a real Bolide broker: half messages sent in a branch, decided by the branch requests.
 * The broker's timeouts run on a clock the tests move, and a check pass is known to have read it
 * when it checks back a plain half message sent after the move.
 */
@ExtendWith(NoThreadLeaks.class)
class XaBranchesTest {
    private static final String TOPIC = "Orders";
    private static final String PRODUCERS = "xa-producers";
    private static final String PINGS = "Pings";
    private static final AtomicInteger BRANCHES = new AtomicInteger();
    /** Check passes every 50 ms that would check back at once and move aside after one check. */
    private static final TransactionSettings EAGER_CHECKS = new TransactionSettings(Duration.ZERO,
            Duration.ofMillis(50), 1);

    @TempDir
    Path dir;
    private LoopbackBroker broker;
    private final List<RocketMqClient> clients = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final Set<String> checkedBack = ConcurrentHashMap.newKeySet();
    private boolean answeringCheckBacks;

    @AfterEach
    void stop() throws Exception {
        clients.forEach(RocketMqClient::close);
        broker.close();
    }

    private XaBranches start(TransactionSettings settings) throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").transactions(settings).clock(clock).start();
        broker.createTopic(TOPIC, 1);
        broker.createTopic(PINGS, 1);
        return newClient();
    }

    private XaBranches newClient() {
        RocketMqClient client = new RocketMqClient(ClientSettings.of(broker.nameServer()));
        clients.add(client);
        return client.branches();
    }

    /**
     * Returns once a check pass that began after now is over: the one that checks back a plain half
     * message sent now (and rolls it back). The branches' half messages stand before it in the half
     * queue, so that pass met them at the time the clock reads now.
     */
    private void awaitCheckPass() {
        RocketMqClient client = clients.get(0);
        if (!answeringCheckBacks) {
            answeringCheckBacks = true;
            client.joinProducerGroup(PRODUCERS);
            client.onTransactionCheck(PRODUCERS, check -> {
                checkedBack.add(new String(check.halfMessage().body(), StandardCharsets.UTF_8));
                check.rollback();
            });
        }
        String ping = "ping-" + BRANCHES.incrementAndGet();
        client.send(PRODUCERS, new OutgoingMessage(PINGS, ping.getBytes(StandardCharsets.UTF_8), 0,
                Map.of(PropertyKeys.TRANSACTION_PREPARED, "true", PropertyKeys.PRODUCER_GROUP, PRODUCERS),
                MessageSysFlag.TRANSACTION_PREPARED_TYPE), null);
        Awaitility.await("a check pass after the clock moved").atMost(Duration.ofSeconds(10))
                .until(() -> checkedBack.contains(ping));
    }

    private static String newBranch() {
        return BranchId.of(4660, new byte[] {1, 2, (byte) BRANCHES.incrementAndGet()}, new byte[] {9}).text();
    }

    private static List<String> sendHalves(XaBranches xa, String branch, String... texts) {
        List<String> brokers = new ArrayList<>();
        for (String text : texts) {
            SendResult sent = xa.sendHalf(PRODUCERS, branch,
                    OutgoingMessage.of(TOPIC, text.getBytes(StandardCharsets.UTF_8), Map.of()), null);
            brokers.add(sent.queue().brokerName());
        }
        return brokers;
    }

    private List<String> delivered() {
        RocketMqClient client = clients.get(0);
        MessageQueue queue = client.readQueues(TOPIC).get(0);
        PullResult result = client.pull(PullRequest.of("readers", queue, 0, 32, Duration.ZERO,
                Subscription.all(TOPIC)));
        return result.messages().stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
    }

    private List<String> deliveredOnce(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered().size() >= count);
        return delivered();
    }

    /** The request's answer code: SUCCESS, or the code it was refused with. */
    private static int answer(Runnable request) {
        try {
            request.run();
            return ResponseCode.SUCCESS;
        } catch (RocketMqException e) {
            return e.responseCode();
        }
    }

    @Test
    void aCommitDeliversEveryMessageOfTheBranchInSendOrder() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);
        String branch = newBranch();
        List<String> brokers = sendHalves(xa, branch, "one", "two", "three");
        assertThat(delivered()).isEmpty();

        xa.commitBranch(brokers.get(0), branch, true, -1);

        assertThat(deliveredOnce(3)).containsExactly("one", "two", "three");
    }

    // the test broker's maxMessageSize is 64 KiB, which bounds the sum of a batch's bodies
    @Test
    void aHalfBatchOverTheBrokersMaxMessageSizeGoesInHalvesAndLaterBatchesStayWhole() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);
        broker.createTopic("Batched", 4);
        String branch = newBranch();

        List<SendResult> large = xa.sendHalvesAsync(PRODUCERS, branch, messages("Batched", 40, 3 * 1024), null).join();
        List<SendResult> small = xa.sendHalvesAsync(PRODUCERS, branch, messages("Batched", 8, 100), null).join();

        assertThat(large).hasSize(40);
        assertThat(large.stream().map(SendResult::queue).distinct()).as("one queue per half").hasSize(2);
        assertThat(small.stream().map(SendResult::queue).distinct()).as("still one batch, one queue").hasSize(1);
    }

    private static List<OutgoingMessage> messages(String topic, int count, int size) {
        return IntStream.range(0, count).mapToObj(i -> {
            byte[] body = new byte[size];
            new Random(i).nextBytes(body); // incompressible
            return OutgoingMessage.of(topic, body, Map.of());
        }).toList();
    }

    @Test
    void aRollbackDiscardsTheBranch() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);
        String branch = newBranch();
        List<String> brokers = sendHalves(xa, branch, "one", "two");

        xa.rollbackBranch(brokers.get(0), branch);
        String marker = newBranch();
        xa.commitBranch(sendHalves(xa, marker, "after").get(0), marker, true, -1);

        assertThat(deliveredOnce(1)).containsExactly("after");
    }

    @Test
    void aPrepareCountingMoreMessagesThanTheBrokerHoldsRollsTheBranchBack() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);
        String branch = newBranch();
        String name = sendHalves(xa, branch, "one", "two").get(0);

        assertThat(answer(() -> xa.prepareBranch(name, branch, 3))).isEqualTo(BolideResponseCode.BRANCH_INCOMPLETE);
        assertThat(answer(() -> xa.commitBranch(name, branch, false, -1)))
                .isEqualTo(BolideResponseCode.BRANCH_ROLLED_BACK);
    }

    @Test
    void aPreparedBranchSurvivesARestartAndIsCommittedOnce() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);
        String branch = newBranch();
        String name = sendHalves(xa, branch, "one", "two").get(0);
        xa.prepareBranch(name, branch, 2);

        broker.stop();
        broker.start();
        XaBranches afterRestart = newClient();

        assertThat(afterRestart.recoverBranches(name)).containsExactly(branch);
        afterRestart.commitBranch(name, branch, false, -1);
        afterRestart.commitBranch(name, branch, false, -1);
        assertThat(deliveredOnce(2)).containsExactly("one", "two");
        assertThat(afterRestart.recoverBranches(name)).isEmpty();
    }

    @Test
    void recoverListsTheBranchesOtherClientsPrepared() throws Exception {
        XaBranches first = start(TransactionSettings.DEFAULTS);
        String branch = newBranch();
        String name = sendHalves(first, branch, "one").get(0);
        first.prepareBranch(name, branch, -1);

        XaBranches fresh = newClient();

        assertThat(fresh.brokerNames()).containsExactly(name);
        assertThat(fresh.recoverBranches(name)).containsExactly(branch);
    }

    @Test
    void aCommitOfAnUnknownBranchIsRefusedAsUnknown() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);

        assertThat(answer(() -> xa.commitBranch("broker-a", newBranch(), true, -1)))
                .isEqualTo(BolideResponseCode.BRANCH_UNKNOWN);
    }

    @Test
    void aTwoPhaseCommitOfAnUnpreparedBranchIsRefused() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);
        String branch = newBranch();
        String name = sendHalves(xa, branch, "one").get(0);

        assertThat(answer(() -> xa.commitBranch(name, branch, false, -1)))
                .isEqualTo(BolideResponseCode.BRANCH_NOT_PREPARED);
    }

    @Test
    void aCommitAfterARollbackIsRefused() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);
        String branch = newBranch();
        String name = sendHalves(xa, branch, "one").get(0);
        xa.rollbackBranch(name, branch);

        assertThat(answer(() -> xa.commitBranch(name, branch, true, -1)))
                .isEqualTo(BolideResponseCode.BRANCH_ROLLED_BACK);
    }

    @Test
    void anIdleUnpreparedBranchIsRolledBackByTheBrokerOnceXaBranchTimeoutIsReached() throws Exception {
        Duration timeout = Duration.ofSeconds(300);
        XaBranches xa = start(EAGER_CHECKS.withXa(timeout, Duration.ZERO));
        String branch = newBranch();
        String name = sendHalves(xa, branch, "one").get(0);

        clock.advance(timeout.minusMillis(1));
        awaitCheckPass();
        // a two-phase commit changes nothing while the branch is open
        assertThat(answer(() -> xa.commitBranch(name, branch, false, -1))).isEqualTo(BolideResponseCode.BRANCH_NOT_PREPARED);

        clock.advance(Duration.ofMillis(1));
        awaitCheckPass();
        assertThat(answer(() -> xa.commitBranch(name, branch, false, -1))).isEqualTo(BolideResponseCode.BRANCH_ROLLED_BACK);
        assertThat(delivered()).isEmpty();
    }

    @Test
    void aPreparedBranchIsNeitherTimedOutNorCheckedBack() throws Exception {
        XaBranches xa = start(EAGER_CHECKS.withXa(Duration.ofMillis(100), Duration.ZERO));
        String branch = newBranch();
        String name = sendHalves(xa, branch, "one").get(0);
        xa.prepareBranch(name, branch, -1);

        // check passes long after the branch would have timed out had it been open
        clock.advance(Duration.ofHours(1));
        awaitCheckPass();
        awaitCheckPass();

        assertThat(checkedBack).noneMatch("one"::equals);
        assertThat(xa.recoverBranches(name)).containsExactly(branch);
        xa.commitBranch(name, branch, false, -1);
        assertThat(deliveredOnce(1)).containsExactly("one");
    }

    @Test
    void aHeuristicRollbackIsReportedUntilForgotten() throws Exception {
        Duration heuristicTimeout = Duration.ofSeconds(600);
        XaBranches xa = start(EAGER_CHECKS.withXa(Duration.ofSeconds(300), heuristicTimeout));
        String branch = newBranch();
        String name = sendHalves(xa, branch, "one").get(0);
        xa.prepareBranch(name, branch, -1);

        clock.advance(heuristicTimeout.minusMillis(1));
        awaitCheckPass();
        // a repeated prepare changes nothing while the branch is prepared
        assertThat(answer(() -> xa.prepareBranch(name, branch, -1))).isEqualTo(ResponseCode.SUCCESS);

        clock.advance(Duration.ofMillis(1));
        awaitCheckPass();
        assertThat(answer(() -> xa.prepareBranch(name, branch, -1))).isEqualTo(BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK);
        assertThat(answer(() -> xa.commitBranch(name, branch, false, -1)))
                .isEqualTo(BolideResponseCode.BRANCH_HEURISTIC_ROLLBACK);
        assertThat(xa.recoverBranches(name)).containsExactly(branch);

        xa.forgetBranch(name, branch);

        assertThat(xa.recoverBranches(name)).isEmpty();
        assertThat(answer(() -> xa.commitBranch(name, branch, false, -1))).isEqualTo(BolideResponseCode.BRANCH_UNKNOWN);
        assertThat(delivered()).isEmpty();
    }

    @Test
    void aMalformedBranchIdIsRefusedBeforeSending() throws Exception {
        XaBranches xa = start(TransactionSettings.DEFAULTS);

        assertThatThrownBy(() -> xa.prepareBranch("broker-a", "not-a-branch", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("formatId:gtrid-hex:bqual-hex");
    }
}
