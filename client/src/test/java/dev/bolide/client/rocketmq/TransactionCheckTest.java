package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check-backs of a producer group's own half messages (RocketMQ local transactions, no XA) handed
 * to the group's handler, against a real broker checking back at once and every 100 ms.
 */
@ExtendWith(NoThreadLeaks.class)
class TransactionCheckTest {
    private static final String TOPIC = "Payments";
    private static final String PRODUCERS = "payment-producers";
    private static final TransactionSettings CHECK_AT_ONCE = new TransactionSettings(Duration.ZERO,
            Duration.ofMillis(100), 50);

    @TempDir
    Path dir;
    private LoopbackBroker broker;
    private RocketMqClient client;
    private final BlockingQueue<TransactionCheck> checks = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").transactions(CHECK_AT_ONCE).start();
        broker.createTopic(TOPIC, 1);
        client = new RocketMqClient(ClientSettings.of(broker.nameServer()));
        client.joinProducerGroup(PRODUCERS);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        broker.close();
    }

    /** A RocketMQ transactional send: the prepared flag and the producer group, as TransactionMQProducer sends. */
    private void sendHalf(String text) {
        OutgoingMessage half = new OutgoingMessage(TOPIC, text.getBytes(StandardCharsets.UTF_8), 0,
                Map.of(PropertyKeys.TRANSACTION_PREPARED, "true", PropertyKeys.PRODUCER_GROUP, PRODUCERS),
                MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        client.send(PRODUCERS, half, null);
    }

    private TransactionCheck nextCheck() throws InterruptedException {
        TransactionCheck check = checks.poll(10, TimeUnit.SECONDS);
        assertThat(check).as("a check-back within 10 s").isNotNull();
        return check;
    }

    private List<String> delivered() {
        MessageQueue queue = client.readQueues(TOPIC).get(0);
        return client.pull(PullRequest.of("readers", queue, 0, 32, Duration.ZERO, Subscription.all(TOPIC)))
                .messages().stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void theGroupsHandlerGetsTheHalfMessage() throws Exception {
        client.onTransactionCheck(PRODUCERS, checks::add);

        sendHalf("order 1 paid");

        TransactionCheck check = nextCheck();
        assertThat(new String(check.halfMessage().body(), StandardCharsets.UTF_8)).isEqualTo("order 1 paid");
        assertThat(check.producerGroup()).isEqualTo(PRODUCERS);
    }

    @Test
    void aCommitAnswerDeliversTheHalfMessage() throws Exception {
        client.onTransactionCheck(PRODUCERS, checks::add);
        sendHalf("order 2 paid");

        nextCheck().commit();

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered().contains("order 2 paid"));
    }

    @Test
    void aRollbackAnswerDiscardsTheHalfMessage() throws Exception {
        client.onTransactionCheck(PRODUCERS, check -> {
            if (new String(check.halfMessage().body(), StandardCharsets.UTF_8).equals("rolled back")) {
                check.rollback();
            } else {
                check.commit();
            }
        });
        sendHalf("rolled back");
        sendHalf("committed after it");

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered().contains("committed after it"));
        assertThat(delivered()).containsExactly("committed after it");
    }

    @Test
    void anUnansweredCheckIsAskedAgain() throws Exception {
        client.onTransactionCheck(PRODUCERS, checks::add);
        sendHalf("still deciding");

        TransactionCheck first = nextCheck();
        TransactionCheck second = nextCheck();

        assertThat(second.halfMessage().msgId()).isEqualTo(first.halfMessage().msgId());
    }

    @Test
    void aCheckIsAnsweredOnlyOnce() throws Exception {
        client.onTransactionCheck(PRODUCERS, checks::add);
        sendHalf("order 3 paid");
        TransactionCheck check = nextCheck();
        check.commit();

        assertThatThrownBy(check::rollback).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered already");
    }

    @Test
    void aSecondHandlerForTheGroupIsRefused() {
        client.onTransactionCheck(PRODUCERS, checks::add);

        assertThatThrownBy(() -> client.onTransactionCheck(PRODUCERS, check -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(PRODUCERS);
    }
}
