package dev.bolide.broker.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingClient;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic created by a send is written to {@code topics.json} off the thread that stores sends: while
 * the file cannot be written, the other sends are answered, and the creating send is answered only
 * once the file holds its topic.
 */
class TopicCreatedOnSendTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aSendCreatingATopicStallsNoOtherSendWhileTheTopicsFileIsBeingWritten() throws Exception {
        try (LoopbackBroker broker = LoopbackBroker.builder(dir, "broker-a").start();
                RemotingClient creating = new RemotingClient(); RemotingClient other = new RemotingClient()) {
            broker.createTopic("Existing", 1);
            // a named pipe where the file's next content goes: writing it blocks until someone reads
            Path stalled = dir.resolve("broker-a/config/topics.json.tmp");
            assertThat(new ProcessBuilder("mkfifo", stalled.toString()).inheritIO().start().waitFor()).isZero();

            CompletableFuture<RemotingCommand> created = send(creating, broker, "CreatedOnSend");
            try {
                await("the file's writer stuck on the pipe").atMost(TIMEOUT).until(TopicCreatedOnSendTest::writingMetadata);
                assertThat(send(other, broker, "Existing").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).code())
                        .as("a send to another topic, from another connection").isEqualTo(ResponseCode.SUCCESS);
                assertThat(created).as("answered before the topics file holds its topic").isNotDone();
            } finally {
                // a reader lets the write through; forcing a pipe fails, so the file still lacks the topic
                try (FileChannel letThrough = FileChannel.open(stalled, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    assertThat(created.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).code())
                            .isEqualTo(ResponseCode.SYSTEM_ERROR);
                }
            }
            Files.delete(stalled);

            assertThat(send(creating, broker, "CreatedOnSend").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).code())
                    .as("sent again once the file can be written").isEqualTo(ResponseCode.SUCCESS);
            assertThat(Files.readString(dir.resolve("broker-a/config/topics.json"))).contains("\"CreatedOnSend\"");
        }
    }

    /** Whether a thread of the broker (in this JVM) is writing a metadata file. */
    private static boolean writingMetadata() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().equals(MetadataFile.class.getName()));
    }

    private static CompletableFuture<RemotingCommand> send(RemotingClient client, LoopbackBroker broker, String topic) {
        return client.invoke(broker.address(), RequestCode.SEND_MESSAGE_V2, SendRequests.v2Header(topic, 0, ""),
                "body".getBytes(StandardCharsets.UTF_8), TIMEOUT.multipliedBy(3));
    }
}
