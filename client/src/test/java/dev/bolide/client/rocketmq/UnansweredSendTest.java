package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.xa.BranchId;
import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send the broker stored but whose answer did not come in time (a loaded machine): what the
 * client sends again and what it does not.
 */
@ExtendWith(NoThreadLeaks.class)
class UnansweredSendTest {
    private static final String TOPIC = "Orders";
    private static final String PRODUCERS = "writers";

    @TempDir
    Path dir;
    private LoopbackBroker broker;
    private WithholdingRelay relay;
    private RocketMqClient client;

    @BeforeEach
    void start() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").start();
        broker.createTopic(TOPIC, 2);
        relay = new WithholdingRelay(broker);
        client = new RocketMqClient(ClientSettings.of(relay.address()).withRequestTimeout(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        relay.close();
        broker.close();
    }

    private static OutgoingMessage message() {
        return OutgoingMessage.of(TOPIC, "order".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * The broker may hold it: a second one would be a second message of the transaction, committed
     * with it (a local transaction's two sends browsed as ["one", "two", "two", "one"]). The send
     * fails instead, and so does the transaction's commit, which rolls it back.
     */
    @Test
    void aHalfMessageWhoseAnswerDidNotComeIsNotSentAgain() {
        String branch = BranchId.of(4660, new byte[] {1}, new byte[] {9}).text();

        assertThatThrownBy(() -> client.branches().sendHalf(PRODUCERS, branch, message(), null))
                .isInstanceOf(RocketMqException.class).hasMessageContaining("no response");
        assertThat(relay.sends()).isEqualTo(1);
    }

    /** As RocketMQ's producer: at least once, so a message whose answer was lost may be stored twice. */
    @Test
    void anOrdinaryMessageWhoseAnswerDidNotComeIsSentAgain() {
        SendResult sent = client.send(PRODUCERS, message(), null);

        assertThat(sent.queueOffset()).isNotNegative();
        assertThat(relay.sends()).isEqualTo(2);
    }
}
