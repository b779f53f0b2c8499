package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoThreadLeaks.class)
class ConsumerGroupTest {
    private static final String GROUP = "billing";
    private static final List<Subscription> ORDERS = List.of(Subscription.all("Orders"));

    @TempDir
    Path dir;
    private LoopbackBroker broker;
    private RocketMqClient first;
    private RocketMqClient second;

    @BeforeEach
    void start() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").start();
        broker.createTopic("Orders", 5);
        first = new RocketMqClient(ClientSettings.of(broker.nameServer()));
        second = new RocketMqClient(ClientSettings.of(broker.nameServer()));
    }

    @AfterEach
    void stop() throws Exception {
        first.close();
        second.close();
        broker.close();
    }

    @Test
    void twoMembersGetDisjointQueueSetsCoveringTheTopic() {
        first.joinConsumerGroup(GROUP, ORDERS);
        second.joinConsumerGroup(GROUP, ORDERS);

        assertThat(first.consumerIds(GROUP, "Orders")).containsExactlyInAnyOrder(first.clientId(), second.clientId());
        List<MessageQueue> mine = first.allocatedQueues(GROUP, "Orders");
        List<MessageQueue> theirs = second.allocatedQueues(GROUP, "Orders");
        assertThat(mine).doesNotContainAnyElementsOf(theirs);
        List<MessageQueue> all = new ArrayList<>(mine);
        all.addAll(theirs);
        assertThat(all).containsExactlyInAnyOrderElementsOf(first.readQueues("Orders"));
        assertThat(List.of(mine.size(), theirs.size())).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void theRemainingMemberIsNotifiedAndTakesOverWhenOneLeaves() throws Exception {
        BlockingQueue<String> notified = new LinkedBlockingQueue<>();
        first.onConsumerIdsChanged(notified::add);
        first.joinConsumerGroup(GROUP, ORDERS);
        second.joinConsumerGroup(GROUP, ORDERS);
        assertThat(notified.poll(5, TimeUnit.SECONDS)).isEqualTo(GROUP);
        notified.clear();

        second.leaveConsumerGroup(GROUP);

        assertThat(notified.poll(5, TimeUnit.SECONDS)).isEqualTo(GROUP);
        assertThat(first.allocatedQueues(GROUP, "Orders")).hasSize(5);
    }

    @Test
    void aCommittedOffsetIsReadBack() {
        MessageQueue queue = first.readQueues("Orders").get(3);
        assertThat(first.committedOffset(GROUP, queue)).isIn(-1L, 0L);

        first.commitOffset(GROUP, queue, 42);

        assertThat(second.committedOffset(GROUP, queue)).isEqualTo(42);
    }

    @Test
    void aPullCanCommitTheOffsetOnTheWay() {
        MessageQueue queue = first.readQueues("Orders").get(0);
        first.send("writers", OutgoingMessage.of("Orders", new byte[1], Map.of()), queues -> queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.maxOffset(queue) == 1);

        first.pull(new PullRequest(GROUP, queue, 1, 32, Duration.ZERO, 1, Subscription.all("Orders")));

        assertThat(first.committedOffset(GROUP, queue)).isEqualTo(1);
    }

    @Test
    void aMessageSentBackPastItsRetriesGoesToTheDeadLetterQueue() {
        first.joinConsumerGroup(GROUP, ORDERS);
        MessageQueue queue = first.readQueues("Orders").get(0);
        first.send("writers", OutgoingMessage.of("Orders", "poison".getBytes(StandardCharsets.UTF_8), Map.of()),
                queues -> queue);
        await().atMost(Duration.ofSeconds(5)).until(() -> first.maxOffset(queue) == 1);
        ReceivedMessage poison = first.pull(PullRequest.of(GROUP, queue, 0, 1, Duration.ZERO, ORDERS.get(0)))
                .messages().get(0);

        first.sendBack(GROUP, poison, -1, 16);

        MessageQueue deadLetters = new MessageQueue("%DLQ%" + GROUP, "broker-a", 0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(first.pull(PullRequest.of(GROUP,
                deadLetters, 0, 1, Duration.ZERO, Subscription.all(deadLetters.topic()))).messages())
                .extracting(ReceivedMessage::msgId).containsExactly(poison.msgId()));
    }
}
