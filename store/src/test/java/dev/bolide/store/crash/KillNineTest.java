package dev.bolide.store.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;

import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under {@code kill -9}: a child JVM appends with SYNC_FLUSH from several threads and
 * prints every acknowledgement; it is killed at a random moment, the store is reopened, and every
 * acknowledged message must read back intact at the offsets it was acknowledged with. The same
 * store goes through every cycle, so each recovery also re-checks the ones before.
 */
@ExtendWith(NoThreadLeaks.class)
class KillNineTest {
    private static final int CYCLES = Integer.getInteger("bolide.crash.cycles", 10);
    private static final int WRITER_THREADS = 8;

    @TempDir
    Path store;

    private record Ack(int queueId, long queueOffset, long physicalOffset, long bodyCrc) {
    }

    @Test
    void everyAcknowledgedMessageSurvivesKillNine() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Ack> acknowledged = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            List<Ack> acks = runAndKill(100 + random.nextInt(900));
            assertThat(acks).as("cycle %d (seed %d) acknowledged something before the kill", cycle, seed).isNotEmpty();
            acknowledged.addAll(acks);
            assertThat(lost(acknowledged)).as("acknowledged messages lost after cycle %d (seed %d)", cycle, seed)
                    .isEmpty();
        }
        System.out.printf("kill -9 cycles: %d, acknowledged: %d, lost: 0%n", CYCLES, acknowledged.size());
    }

    /** The child's output goes to a file, read once it is dead: no pipe to race with the kill. */
    private List<Ack> runAndKill(long runMillis) throws Exception {
        Path output = Files.createTempFile(store.getParent(), "crash-writer", ".out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), store.toString(),
                Integer.toString(WRITER_THREADS))
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(store.resolveSibling("crash-writer.err").toFile()))
                .start();
        // the kill comes at a random moment after the first acknowledgement, not after READY: on a
        // loaded machine a child may need longer than the shortest run to acknowledge anything
        await("child store opened and acknowledging").atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(output, StandardCharsets.US_ASCII).contains(" END"));
        Thread.sleep(runMillis);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return acks(Files.readAllLines(output, StandardCharsets.US_ASCII));
    }

    /** Only complete lines count: the kill may cut the last one. */
    private static List<Ack> acks(List<String> lines) {
        List<Ack> acks = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("ACK ") && line.endsWith(" END")) {
                String[] f = line.split(" ");
                acks.add(new Ack(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])));
            }
        }
        return acks;
    }

    private List<Ack> lost(List<Ack> acknowledged) throws IOException {
        List<Ack> lost = new ArrayList<>();
        try (MessageStore reopened = MessageStore.open(CrashWriter.config(store))) {
            MessageRecordView view = new MessageRecordView();
            for (Ack ack : acknowledged) {
                try (GetMessageResult read = reopened.getMessages(CrashWriter.TOPIC, ack.queueId(), ack.queueOffset(), 1,
                        MessageFilter.ALL)) {
                    boolean intact = read.messages().size() == 1 && matches(view.wrap(read.messages().get(0), 0), ack);
                    if (!intact) {
                        lost.add(ack);
                    }
                }
            }
        }
        return lost;
    }

    private static boolean matches(MessageRecordView record, Ack ack) {
        ByteBuffer body = record.body();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return record.physicalOffset() == ack.physicalOffset() && record.queueOffset() == ack.queueOffset()
                && CrashWriter.crc(bytes) == ack.bodyCrc();
    }
}
