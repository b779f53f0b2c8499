package dev.bolide.tck.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.rocketmq.ClientSettings;
import dev.bolide.client.rocketmq.OutgoingMessage;
import dev.bolide.client.rocketmq.PullRequest;
import dev.bolide.client.rocketmq.RocketMqClient;
import dev.bolide.client.rocketmq.SentHalfMessage;
import dev.bolide.client.rocketmq.Subscription;
import dev.bolide.protocol.xa.BranchId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's transactions on a real Apache RocketMQ 4.9.7 broker. Half messages of local
 * transactions use only standard requests: a commit delivers, a rollback discards. Transaction
 * branches have no branch requests there: a one-phase commit and a rollback fall back to RocketMQ's
 * END_TRANSACTION (what a transacted session needs); a prepare, which only XA needs, is refused naming XA.
 */
class TransactionsOnApacheRocketMqTest {
    @RegisterExtension
    static final ApacheRocketMqBroker BROKER = new ApacheRocketMqBroker();
    private static final String PRODUCERS = "branch-producers";

    private RocketMqClient client;

    @BeforeEach
    void connect() {
        client = new RocketMqClient(ClientSettings.of(BROKER.nameServerAddress()));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static String branch(int id) {
        return BranchId.of(1, new byte[] {(byte) id}, new byte[] {2}).text();
    }

    private void sendHalf(String topic, String branch, String text) {
        client.branches().sendHalf(PRODUCERS, branch,
                OutgoingMessage.of(topic, text.getBytes(StandardCharsets.UTF_8), Map.of()), null);
    }

    private SentHalfMessage sendLocalHalf(String topic, String text) {
        return client.sendHalf(PRODUCERS, OutgoingMessage.of(topic, text.getBytes(StandardCharsets.UTF_8), Map.of()),
                null);
    }

    /** Every message readable from the topic's queues, read from the first offset. */
    private List<String> readable(String topic) {
        return client.readQueues(topic).stream()
                .flatMap(queue -> client.pull(PullRequest.of("readers", queue, 0, 32, Duration.ZERO,
                        Subscription.all(topic))).messages().stream())
                .map(message -> new String(message.body(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aOnePhaseCommitMakesTheBranchsMessagesReadable() throws Exception {
        BROKER.createTopic("BranchCommit");
        sendHalf("BranchCommit", branch(1), "one");
        sendHalf("BranchCommit", branch(1), "two");
        assertThat(readable("BranchCommit")).as("half messages are invisible").isEmpty();

        client.branches().commitBranch(BROKER.brokerName(), branch(1), true, -1);

        await().atMost(Duration.ofSeconds(10)).until(() -> readable("BranchCommit").size() == 2);
        assertThat(readable("BranchCommit")).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void aRollbackDiscardsTheBranchsMessages() throws Exception {
        BROKER.createTopic("BranchRollback");
        sendHalf("BranchRollback", branch(2), "discarded");
        client.branches().rollbackBranch(BROKER.brokerName(), branch(2));
        sendHalf("BranchRollback", branch(3), "kept");

        client.branches().commitBranch(BROKER.brokerName(), branch(3), true, -1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !readable("BranchRollback").isEmpty());
        assertThat(readable("BranchRollback")).containsExactly("kept");
    }

    @Test
    void aPrepareIsRefusedSayingThatXaNeedsABolideBroker() throws Exception {
        BROKER.createTopic("BranchPrepare");
        sendHalf("BranchPrepare", branch(4), "prepared?");

        assertThatThrownBy(() -> client.branches().prepareBranch(BROKER.brokerName(), branch(4), -1))
                .hasMessageContaining("XA needs a Bolide broker");
    }

    @Test
    void aCommittedHalfMessageBecomesReadable() throws Exception {
        BROKER.createTopic("HalfCommit");
        SentHalfMessage half = sendLocalHalf("HalfCommit", "paid");
        assertThat(readable("HalfCommit")).as("a half message is invisible").isEmpty();

        client.endTransaction(half, true);

        await().atMost(Duration.ofSeconds(10)).until(() -> !readable("HalfCommit").isEmpty());
        assertThat(readable("HalfCommit")).containsExactly("paid");
    }

    @Test
    void aRolledBackHalfMessageIsNeverReadable() throws Exception {
        BROKER.createTopic("HalfRollback");
        client.endTransaction(sendLocalHalf("HalfRollback", "cancelled"), false);

        client.endTransaction(sendLocalHalf("HalfRollback", "paid"), true);

        await().atMost(Duration.ofSeconds(10)).until(() -> !readable("HalfRollback").isEmpty());
        assertThat(readable("HalfRollback")).containsExactly("paid");
    }
}
