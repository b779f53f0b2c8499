package dev.bolide.broker.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.SerializeType;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long polling's waiting room: when a held pull is executed again. */
class HeldPullsTest {
    private static final long HOUR = 3_600_000;
    private final HeldPulls held = new HeldPulls();
    private final AtomicLong queueEnd = new AtomicLong();
    /** How often a check asked for a queue's end: once per held pull per check. */
    private final AtomicInteger queueEndReads = new AtomicInteger();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RemotingCommand pull = new RemotingCommand(11, LanguageCode.JAVA, 409, 1, 0, null, Map.of(), null,
            SerializeType.JSON);
    private final List<RemotingCommand> executedAgain = new CopyOnWriteArrayList<>();

    HeldPullsTest() {
        held.start((channel, request) -> {
            executedAgain.add(request);
            return request;
        }, (topic, queueId) -> {
            queueEndReads.incrementAndGet();
            return queueEnd.get();
        });
    }

    @AfterEach
    void close() {
        held.close();
        channel.finishAndReleaseAll();
    }

    @Test
    void aPullHeldAfterItsMessageWasDispatchedIsAnsweredAtTheNextCheck() {
        queueEnd.set(1); // the message at offset 0 was dispatched before the pull for it was held

        held.hold(channel, pull, "TopicTest", 0, 0, HOUR);

        await().atMost(Duration.ofSeconds(5)).until(() -> !executedAgain.isEmpty());
        assertThat(executedAgain).containsExactly(pull);
        assertThat(held.size()).isZero();
    }

    @Test
    void aPullWaitsWhileItsQueueHasNothingPastItsOffset() {
        queueEnd.set(3);

        held.hold(channel, pull, "TopicTest", 0, 3, HOUR);
        int before = queueEndReads.get();
        await("three checks").atMost(Duration.ofSeconds(5)).until(() -> queueEndReads.get() >= before + 3);

        assertThat(held.size()).isEqualTo(1);
        assertThat(executedAgain).isEmpty();
    }
}
