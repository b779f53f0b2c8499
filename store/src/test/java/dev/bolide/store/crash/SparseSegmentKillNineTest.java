package dev.bolide.store.crash;

import static dev.bolide.store.DiskUsage.du;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.store.FlushDiskType;
import dev.bolide.store.GetMessageResult;
import dev.bolide.store.MessageFilter;
import dev.bolide.store.MessageStore;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreConfig;
import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store with sparse 1 GiB CommitLog files (the default under ASYNC_FLUSH, {@code zeroFillCommitLog =
 * false} under SYNC_FLUSH) keeps them sparse across a crash, under either flush mode: the
 * file a child process wrote a few MiB into before it was killed with {@code kill -9} takes about
 * what it holds on disk, and recovery finds every message the child had stored in it (the page
 * cache outlives a killed process, so under ASYNC_FLUSH too).
 */
@ExtendWith(NoThreadLeaks.class)
class SparseSegmentKillNineTest {
    private static final String TOPIC = "sparse";
    private static final int BODY = 1024;
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path store;

    @ParameterizedTest
    @EnumSource(FlushDiskType.class)
    void aKilledStoresSparseSegmentRecoversEverythingStoredInIt(FlushDiskType flushDiskType) throws Exception {
        Path output = store.resolveSibling("sparse-writer-" + flushDiskType + ".out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SparseSegmentKillNineTest.class.getName(),
                store.toString(), flushDiskType.name())
                .redirectOutput(output.toFile()).redirectErrorStream(true).start();
        await("child stored its messages").atMost(Duration.ofMinutes(2))
                .until(() -> Files.readString(output, StandardCharsets.US_ASCII).contains("STORED"));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int stored = Integer.parseInt(Files.readAllLines(output).get(0).split(" ")[1]);

        Path segment = store.resolve("commitlog").resolve("00000000000000000000");
        assertThat(Files.size(segment)).isEqualTo(1L << 30);
        assertThat(du(segment)).as("blocks of the 1 GiB file holding %d KiB", stored).isLessThan(stored * 2L * BODY);
        try (MessageStore reopened = MessageStore.open(config(store, flushDiskType))) {
            assertThat(reopened.maxOffset(TOPIC, 0)).isEqualTo(stored);
            try (GetMessageResult last = reopened.getMessages(TOPIC, 0, stored - 1, 1, MessageFilter.ALL)) {
                assertThat(last.messages()).hasSize(1);
            }
        }
        assertThat(du(segment)).as("after recovery").isLessThan(stored * 2L * BODY);
    }

    private static StoreConfig config(Path dir, FlushDiskType flushDiskType) {
        return StoreConfig.builder(dir).flushDiskType(flushDiskType).zeroFillCommitLog(false).build();
    }

    /** The child: stores 4 MiB of messages, says how many, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        MessageStore store = MessageStore.open(config(Path.of(args[0]), FlushDiskType.valueOf(args[1])));
        int count = (int) (4 * MIB / BODY);
        byte[] body = "x".repeat(BODY).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            store.append(List.of(MessageToStore.builder(TOPIC, 0, body).build()));
        }
        System.out.println("STORED " + count);
        Thread.sleep(Long.MAX_VALUE);
    }
}
