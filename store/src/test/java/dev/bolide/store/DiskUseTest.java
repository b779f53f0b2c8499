package dev.bolide.store;

import static dev.bolide.store.DiskUsage.du;
import static dev.bolide.store.TestStores.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With RocketMQ's default file sizes (1 GiB CommitLog segments, 6 MB ConsumeQueue segments, 420 MB
 * index files) a store holds on disk about what it was given, as RocketMQ's sparse files do, not
 * the sizes of the files it opened: a small volume must not fill up with zeros.
 */
@ExtendWith(NoThreadLeaks.class)
class DiskUseTest {
    private static final int MESSAGES = 20_000;
    private static final int QUEUES = 8;
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void startsAndWorksWithDefaultSizesOnA64MbVolume() throws IOException {
        try (SmallVolume volume = SmallVolume.mount(SmallVolume.Kind.TMPFS, dir.resolve("volume"), 64);
                MessageStore store = MessageStore.open(StoreConfig.builder(volume.path().resolve("store")).build())) {
            for (int i = 0; i < 1000; i++) {
                store.append(message("t", 0, "m" + i));
            }
            await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());

            try (GetMessageResult read = store.getMessages("t", 0, 999, 1, MessageFilter.ALL)) {
                assertThat(TestStores.body(read.messages().get(0))).isEqualTo("m999");
            }
            assertThat(du(volume.path())).isLessThan(48L * MIB);
        }
    }

    @Test
    void defaultSizedFilesTakeOnlyWhatWasWrittenPlusAllocationAhead() throws IOException {
        long written;
        try (MessageStore store = MessageStore.open(StoreConfig.builder(dir).build())) {
            String body = "x".repeat(1024);
            for (int i = 0; i < MESSAGES; i++) {
                store.append(message("t", i % QUEUES, body, Map.of(PropertyKeys.KEYS, "k" + i)));
            }
            await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
            written = store.commitLogMaxOffset();
        }
        long commitLog = du(dir.resolve("commitlog"));
        long queues = du(dir.resolve("consumequeue"));
        long index = du(dir.resolve("index"));
        System.out.printf("disk use after %d x 1 KiB: commitlog %d, consumequeue %d, index %d, store %d bytes"
                + " (CommitLog data %d bytes)%n", MESSAGES, commitLog, queues, index, du(dir), written);

        assertThat(commitLog).isBetween(written, written + 16 * MIB + 4096);
        assertThat(queues).isLessThan(QUEUES * 512 * 1024L);
        // the slot table (5,000,000 x 4 bytes) is written at random, so it is allocated whole
        assertThat(index).isLessThan(20_000_040L + 16 * MIB);
    }

    /** SYNC_FLUSH gets zero-filled files by default (its forces then never allocate), ASYNC_FLUSH sparse ones. */
    @ParameterizedTest
    @EnumSource(FlushDiskType.class)
    void onlySyncFlushFillsItsCommitLogFilesWithZerosByDefault(FlushDiskType flushDiskType) throws IOException {
        int segment = 8 * (int) MIB;
        try (MessageStore store = MessageStore.open(StoreConfig.builder(dir).flushDiskType(flushDiskType)
                .mappedFileSizeCommitLog(segment).build())) {
            store.append(message("t", 0, "one"));
        }

        long commitLog = du(dir.resolve("commitlog"));
        if (flushDiskType == FlushDiskType.SYNC_FLUSH) {
            assertThat(commitLog).isGreaterThanOrEqualTo(segment);
        } else {
            assertThat(commitLog).isLessThan(segment / 2);
        }
    }
}
