package dev.bolide.client.jms.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.client.rocketmq.MessageQueue;
import dev.bolide.client.rocketmq.ReceivedMessage;
import dev.bolide.client.rocketmq.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A reader starts pulling before its first consumer is added, so what it pulled first waits for
 * that consumer; what is pulled meanwhile must not overtake it (a message group's order).
 */
class GroupReaderOrderTest {
    private final GroupReader reader = new GroupReader(null, "group", Subscription.all("topic"),
            StartPosition.COMMITTED_OR_FIRST, 16, null);
    private final QueueCursor cursor = new QueueCursor(new MessageQueue("topic", "broker-a", 0), 0);

    @Test
    void messagesPulledBeforeTheFirstConsumerReachItBeforeThosePulledWhileItIsAdded() throws Exception {
        reader.dispatch(pulled(0));
        reader.dispatch(pulled(1));
        CountDownLatch handingTheFirst = new CountDownLatch(1);
        CountDownLatch mayGoOn = new CountDownLatch(1);
        RecordingConsumer consumer = new RecordingConsumer(handingTheFirst, mayGoOn);

        Thread adding = new Thread(() -> reader.add(consumer));
        adding.start();
        assertThat(handingTheFirst.await(10, TimeUnit.SECONDS)).isTrue();
        Thread ioThread = new Thread(() -> reader.dispatch(pulled(2)));
        ioThread.start();
        await().atMost(Duration.ofSeconds(10)).until(
                () -> ioThread.getState() == Thread.State.BLOCKED || ioThread.getState() == Thread.State.TERMINATED);
        mayGoOn.countDown();
        adding.join(10_000);
        ioThread.join(10_000);

        assertThat(consumer.offsets).containsExactly(0L, 1L, 2L);
    }

    private Delivery pulled(long offset) {
        ReceivedMessage message = new ReceivedMessage("topic", "broker-a", 0, offset, offset * 100, 0, 0, 0, 0, 0,
                Map.of(), new byte[0], "id-" + offset);
        return new Delivery(message, reader, cursor, 0);
    }

    /** Takes everything; holds the first offer until told to go on. */
    private static final class RecordingConsumer implements DeliveryTarget {
        final List<Long> offsets = new CopyOnWriteArrayList<>();
        private final AtomicBoolean held = new AtomicBoolean();
        private final CountDownLatch handingTheFirst;
        private final CountDownLatch mayGoOn;

        RecordingConsumer(CountDownLatch handingTheFirst, CountDownLatch mayGoOn) {
            this.handingTheFirst = handingTheFirst;
            this.mayGoOn = mayGoOn;
        }

        @Override
        public Offer offer(Delivery delivery) {
            if (!held.getAndSet(true)) {
                handingTheFirst.countDown();
                awaitQuietly(mayGoOn);
            }
            offsets.add(delivery.message().queueOffset());
            return Offer.TAKEN;
        }

        @Override
        public int discard(Predicate<Delivery> lost) {
            return 0;
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
