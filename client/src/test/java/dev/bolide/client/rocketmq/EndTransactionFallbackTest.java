package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.remoting.BolideResponseCode;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.remoting.RemotingClient;
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
 * The END_TRANSACTION path of branches, which the client takes on brokers that refuse the branch
 * requests, exercised against a real Bolide broker (which accepts END_TRANSACTION for them too).
 */
@ExtendWith(NoThreadLeaks.class)
class EndTransactionFallbackTest {
    private static final String TOPIC = "Orders";
    private static final String PRODUCERS = "tx-producers";
    private static final String BRANCH = BranchId.of(1, new byte[] {7}, new byte[] {1}).text();

    @TempDir
    Path dir;
    private LoopbackBroker broker;
    private RocketMqClient client;
    private RemotingClient remoting;
    private EndTransactionFallback fallback;

    @BeforeEach
    void start() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").start();
        broker.createTopic(TOPIC, 1);
        client = new RocketMqClient(ClientSettings.of(broker.nameServer()));
        remoting = new RemotingClient();
        Requests requests = new Requests(remoting, Duration.ofSeconds(5));
        fallback = new EndTransactionFallback(new Routes(new NameServers(broker.nameServer(), requests)), requests);
    }

    @AfterEach
    void stop() throws Exception {
        remoting.close();
        client.close();
        broker.close();
    }

    private void sendHalves(String... texts) {
        for (String text : texts) {
            SendResult sent = client.branches().sendHalf(PRODUCERS, BRANCH,
                    OutgoingMessage.of(TOPIC, text.getBytes(StandardCharsets.UTF_8), Map.of()), null);
            fallback.sent(BRANCH, PRODUCERS, sent);
        }
    }

    private List<String> delivered() {
        MessageQueue queue = client.readQueues(TOPIC).get(0);
        return client.pull(PullRequest.of("readers", queue, 0, 32, Duration.ZERO, Subscription.all(TOPIC)))
                .messages().stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aCommitSendsOneEndTransactionPerMessageInSendOrder() {
        sendHalves("one", "two", "three");

        fallback.end(broker.name(), BRANCH, true).join();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered().size() == 3);
        assertThat(delivered()).containsExactly("one", "two", "three");
    }

    @Test
    void aRollbackDiscardsEveryMessage() {
        sendHalves("one", "two");

        fallback.end(broker.name(), BRANCH, false).join();

        // the broker holds no message of the branch any more: there is nothing left to commit
        assertThatThrownBy(() -> client.branches().commitBranch(broker.name(), BRANCH, true, -1))
                .isInstanceOfSatisfying(RocketMqException.class, e -> assertThat(e.responseCode())
                        .isEqualTo(BolideResponseCode.BRANCH_UNKNOWN));
        assertThat(delivered()).isEmpty();
    }

    @Test
    void aCheckBackOfAnOpenBranchGetsNoAnswer() {
        sendHalves("one");

        assertThat(fallback.decision(BRANCH)).isEmpty();
    }

    @Test
    void aCheckBackOfACommittedBranchIsAnsweredCommit() {
        sendHalves("one");
        fallback.end(broker.name(), BRANCH, true).join();

        assertThat(fallback.decision(BRANCH)).contains(true);
    }

    @Test
    void aCheckBackOfAnUnknownBranchIsAnsweredRollback() {
        assertThat(fallback.decision(BRANCH)).contains(false);
    }
}
