package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branches on a broker that refuses the branch requests with REQUEST_CODE_NOT_SUPPORTED and checks
 * back their messages, as Apache RocketMQ does: a real Bolide broker with {@code xaEnabled = false}.
 */
@ExtendWith(NoThreadLeaks.class)
class XaBranchesOnRocketMqBrokerTest {
    private static final String TOPIC = "Orders";
    private static final String PRODUCERS = "tx-producers";
    private static final String MOVED_ASIDE = "TRANS_CHECK_MAX_TIME_TOPIC";
    /** Check-backs at once, every 100 ms, three of them before a message is moved aside. */
    private static final TransactionSettings ROCKETMQ_LIKE = new TransactionSettings(Duration.ZERO,
            Duration.ofMillis(100), 3).withoutXa();

    @TempDir
    Path dir;
    private LoopbackBroker broker;
    private RocketMqClient client;

    @BeforeEach
    void start() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").transactions(ROCKETMQ_LIKE).start();
        broker.createTopic(TOPIC, 1);
        client = new RocketMqClient(ClientSettings.of(broker.nameServer()));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        broker.close();
    }

    private static String branch(int id) {
        return BranchId.of(1, new byte[] {(byte) id}, new byte[] {1}).text();
    }

    private static void send(RocketMqClient sender, String branch, String... texts) {
        for (String text : texts) {
            sender.branches().sendHalf(PRODUCERS, branch,
                    OutgoingMessage.of(TOPIC, text.getBytes(StandardCharsets.UTF_8), Map.of()), null);
        }
    }

    private List<String> bodies(String topic) {
        MessageQueue queue = client.readQueues(topic).get(0);
        return client.pull(PullRequest.of("readers", queue, 0, 32, Duration.ZERO, Subscription.all(topic)))
                .messages().stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aOnePhaseCommitBecomesOneEndTransactionPerMessageInSendOrder() {
        send(client, branch(1), "one", "two", "three");

        client.branches().commitBranch(broker.name(), branch(1), true, -1);

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> bodies(TOPIC).size() == 3);
        assertThat(bodies(TOPIC)).containsExactly("one", "two", "three");
    }

    @Test
    void aRollbackBecomesOneEndTransactionPerMessage() {
        send(client, branch(1), "one", "two");
        client.branches().rollbackBranch(broker.name(), branch(1));
        send(client, branch(2), "after");

        client.branches().commitBranch(broker.name(), branch(2), true, -1);

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !bodies(TOPIC).isEmpty());
        assertThat(bodies(TOPIC)).containsExactly("after");
    }

    @Test
    void aPrepareSaysThatXaNeedsABolideBroker() {
        send(client, branch(1), "one");

        assertThatThrownBy(() -> client.branches().prepareBranch(broker.name(), branch(1), -1))
                .isInstanceOfSatisfying(RocketMqException.class, e -> assertThat(e.responseCode())
                        .isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED))
                .hasMessageContaining("XA needs a Bolide broker");
        assertThatThrownBy(() -> client.branches().recoverBranches(broker.name()))
                .hasMessageContaining("XA needs a Bolide broker");
    }

    @Test
    void checkBacksLeaveOpenBranchesUndecidedAndRollBackBranchesTheClientDoesNotKnow() {
        try (RocketMqClient lost = new RocketMqClient(ClientSettings.of(broker.nameServer()))) {
            send(lost, branch(1), "lost");
        }
        send(client, branch(2), "open");
        // after the send: a heartbeat goes to the brokers of the routes in use
        client.joinProducerGroup(PRODUCERS);

        // the open branch's message is checked back unanswered until the broker moves it aside; the
        // lost branch's message, answered "rollback" at its first check-back, is not
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> bodies(MOVED_ASIDE).contains("open"));
        assertThat(bodies(MOVED_ASIDE)).containsExactly("open");
        assertThat(bodies(TOPIC)).isEmpty();
    }
}
