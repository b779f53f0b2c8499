package dev.bolide.client.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoThreadLeaks.class)
class SendAndPullTest {
    private static final String GROUP = "readers";

    @TempDir
    Path dir;
    private LoopbackBroker broker;
    private RocketMqClient client;
    private MessageQueue queue;

    @BeforeEach
    void start() throws Exception {
        broker = LoopbackBroker.builder(dir, "broker-a").start();
        broker.createTopic("Orders", 1);
        client = new RocketMqClient(ClientSettings.of(broker.nameServer()));
        queue = client.readQueues("Orders").get(0);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        broker.close();
    }

    private static OutgoingMessage message(String text) {
        return new OutgoingMessage("Orders", text.getBytes(StandardCharsets.UTF_8), 7,
                Map.of(PropertyKeys.TAGS, "new", "customer", "ada"), 0);
    }

    private List<ReceivedMessage> pullAll() {
        List<ReceivedMessage> received = new ArrayList<>();
        PullResult result;
        long offset = 0;
        do {
            result = client.pull(PullRequest.of(GROUP, queue, offset, 32, Duration.ZERO, Subscription.all("Orders")));
            received.addAll(result.messages());
            offset = result.nextBeginOffset();
        } while (result.status() == PullResult.Status.FOUND);
        return received;
    }

    /** The queue's messages once {@code count} are there: the broker indexes stored messages asynchronously. */
    private List<ReceivedMessage> pulled(int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pullAll().size() == count);
        return pullAll();
    }

    private static String text(ReceivedMessage message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aSentMessageIsPulledBackWithItsIdFlagAndProperties() {
        SendResult sent = client.send("writers", message("one"), null);

        ReceivedMessage received = pulled(1).get(0);
        assertThat(text(received)).isEqualTo("one");
        assertThat(received.msgId()).isEqualTo(sent.msgId()).hasSize(32);
        assertThat(received.queueOffset()).isEqualTo(sent.queueOffset());
        assertThat(received.flag()).isEqualTo(7);
        assertThat(received.properties()).containsEntry(PropertyKeys.TAGS, "new").containsEntry("customer", "ada");
        assertThat(received.brokerName()).isEqualTo("broker-a");
        assertThat(sent.offsetMsgId()).isNotEqualTo(sent.msgId());
        assertThat(sent.durable()).isTrue();
    }

    @Test
    void asyncAndOnewaySendsArriveToo() throws Exception {
        SendResult async = client.sendAsync("writers", message("async"), null).get(5, TimeUnit.SECONDS);
        client.sendOneway("writers", message("oneway"), null).get(5, TimeUnit.SECONDS);

        assertThat(pulled(2)).extracting(SendAndPullTest::text).containsExactly("async", "oneway");
        assertThat(async.queueOffset()).isZero();
    }

    @Test
    void aLargeBodyTravelsCompressedAndComesBackWhole() {
        byte[] large = "a highly compressible body ".repeat(1000).getBytes(StandardCharsets.UTF_8);

        client.send("writers", OutgoingMessage.of("Orders", large, Map.of()), null);

        ReceivedMessage received = pulled(1).get(0);
        assertThat(received.body()).isEqualTo(large);
        assertThat(received.sysFlag() & dev.bolide.protocol.message.MessageSysFlag.COMPRESSED).isNotZero();
    }

    @Test
    void aSelectedQueueIsTheOneUsed() {
        broker.createTopic("Ordered", 4);
        OutgoingMessage ordered = OutgoingMessage.of("Ordered", new byte[1], Map.of());
        SendResult sent = client.send("writers", ordered, queues -> queues.get(2));

        assertThat(sent.queue().queueId()).isEqualTo(2);
    }

    @Test
    void aStickySendersMessagesOfATopicGoToOneQueueAndTheNextSenderStartsOnAnother() {
        broker.createTopic("Sticky", 4);
        OutgoingMessage message = OutgoingMessage.of("Sticky", new byte[1], Map.of());
        StickyQueues one = new StickyQueues();
        StickyQueues next = new StickyQueues();
        Set<MessageQueue> oneUsed = new HashSet<>();
        Set<MessageQueue> nextUsed = new HashSet<>();

        for (int i = 0; i < 8; i++) {
            oneUsed.add(client.send("writers", message, one).queue());
            nextUsed.add(client.send("writers", message, next).queue());
        }

        assertThat(oneUsed).hasSize(1);
        assertThat(nextUsed).hasSize(1).doesNotContainAnyElementsOf(oneUsed);
    }

    @Test
    void aLongPollWakesWhenAMessageArrives() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<PullResult> waiting = client.pullAsync(
                PullRequest.of(GROUP, queue, 0, 32, Duration.ofSeconds(20), Subscription.all("Orders")));
        // the window is the point: a long poll with nothing to return stays unanswered (and is held
        // by the broker by the time the message is sent); no condition tells it from a slow answer
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        client.send("writers", message("wake up"), null);

        PullResult result = waiting.get(5, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(PullResult.Status.FOUND);
        assertThat(text(result.messages().get(0))).isEqualTo("wake up");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aLongPollThatTimesOutFindsNothingNew() {
        PullResult result = client.pull(
                PullRequest.of(GROUP, queue, 0, 32, Duration.ofMillis(500), Subscription.all("Orders")));

        assertThat(result.status()).isEqualTo(PullResult.Status.NO_NEW_MSG);
        assertThat(result.nextBeginOffset()).isZero();
    }

    @Test
    void aSynchronousCallFromTheIoThreadIsRefusedRatherThanHangingForever() {
        CompletableFuture<List<MessageQueue>> nested = client.pullAsync(
                PullRequest.of(GROUP, queue, 0, 32, Duration.ofMillis(300), Subscription.all("Orders")))
                .thenApply(nothingNew -> client.readQueues("Orders"));

        assertThat(nested).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class)
                .withRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anyRequestCanBeSentToTheBrokerOfAQueue() throws Exception {
        client.send("writers", message("one"), null);
        pulled(1);

        var response = client.request(queue, dev.bolide.protocol.remoting.RequestCode.GET_MAX_OFFSET,
                Map.of("topic", "Orders", "queueId", "0"), null).get(5, TimeUnit.SECONDS);

        assertThat(response.longField("offset")).isEqualTo(1).isEqualTo(client.maxOffset(queue));
    }

    @Test
    void aTagSubscriptionFiltersOnTheBroker() {
        client.send("writers", message("tagged new"), null);
        pulled(1);

        PullResult result = client.pull(PullRequest.of(GROUP, queue, 0, 32, Duration.ZERO,
                new Subscription("Orders", "old || older", Subscription.TAG, 1)));

        assertThat(result.messages()).isEmpty();
        assertThat(result.nextBeginOffset()).isEqualTo(1);
    }
}
