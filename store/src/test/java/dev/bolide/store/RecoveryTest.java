package dev.bolide.store;

import static dev.bolide.store.TestStores.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.message.MessageRecordLayout;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from a crash image whose CommitLog tail was damaged. Checkpoints are taken only at
 * start-up here, so that recovery must re-validate and re-dispatch everything appended since.
 */
@ExtendWith(NoThreadLeaks.class)
class RecoveryTest {
    private static final int MESSAGES = 40;

    @TempDir
    Path running;
    @TempDir
    Path crashed;

    private StoreConfig.Builder config(Path dir) {
        return TestStores.config(dir).flushIntervalConsumeQueue(Duration.ofHours(1));
    }

    /** Appends numbered messages over two queues, each with a key, and returns where they went. */
    private List<AppendedMessage> crashAfterAppending(int count) throws IOException {
        List<AppendedMessage> appended = new ArrayList<>();
        try (MessageStore store = MessageStore.open(config(running).build())) {
            for (int i = 0; i < count; i++) {
                appended.add(store.append(message("t", i % 2, "m" + i, Map.of(PropertyKeys.KEYS, "k" + i)))
                        .messages().get(0));
            }
            await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
            CrashImage.copy(running, crashed);
        }
        assertThat(crashed.resolve("abort")).exists();
        return appended;
    }

    @Test
    void aHalfWrittenLastRecordIsCutAndEverythingBeforeItKept() throws IOException {
        List<AppendedMessage> appended = crashAfterAppending(MESSAGES);
        AppendedMessage last = appended.get(MESSAGES - 1);
        CrashImage.overwrite(CrashImage.commitLogSegment(crashed, 0), last.physicalOffset() + last.size() / 2,
                new byte[last.size() - last.size() / 2]);

        try (MessageStore store = MessageStore.open(config(crashed).build())) {
            assertThat(store.commitLogMaxOffset()).isEqualTo(last.physicalOffset());
            assertConsistent(store, MESSAGES - 1);
        }
    }

    @Test
    void aRecordWithABadCrcIsCutWithEverythingAfterIt() throws IOException {
        List<AppendedMessage> appended = crashAfterAppending(MESSAGES);
        AppendedMessage damaged = appended.get(30);
        int bodyStart = MessageRecordLayout.bodyLengthPosition(0) + 4;
        CrashImage.overwrite(CrashImage.commitLogSegment(crashed, 0), damaged.physicalOffset() + bodyStart,
                new byte[] {'X'});

        try (MessageStore store = MessageStore.open(config(crashed).build())) {
            assertThat(store.commitLogMaxOffset()).isEqualTo(damaged.physicalOffset());
            assertConsistent(store, 30);
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCutAndCannotResurface() throws IOException {
        List<AppendedMessage> appended = crashAfterAppending(MESSAGES);
        AppendedMessage last = appended.get(MESSAGES - 1);
        byte[] garbage = new byte[300];
        new java.util.Random(7).nextBytes(garbage);
        CrashImage.overwrite(CrashImage.commitLogSegment(crashed, 0), last.physicalOffset() + last.size(), garbage);

        try (MessageStore store = MessageStore.open(config(crashed).build())) {
            assertConsistent(store, MESSAGES);
            store.append(message("t", 0, "after"));
        }
        try (MessageStore store = MessageStore.open(config(crashed).build())) {
            assertThat(store.maxOffset("t", 0)).isEqualTo(MESSAGES / 2 + 1);
        }
    }

    @Test
    void aCutInTheSecondSegmentKeepsTheWholeFirstSegment() throws IOException {
        List<AppendedMessage> appended = crashAfterAppending(1200);
        AppendedMessage firstInSecond = appended.stream()
                .filter(m -> m.physicalOffset() >= TestStores.COMMIT_LOG_SEGMENT).findFirst().orElseThrow();
        int index = appended.indexOf(firstInSecond);
        CrashImage.overwrite(CrashImage.commitLogSegment(crashed, TestStores.COMMIT_LOG_SEGMENT), 0, new byte[8]);

        try (MessageStore store = MessageStore.open(config(crashed).build())) {
            assertThat(store.commitLogMaxOffset()).isEqualTo(TestStores.COMMIT_LOG_SEGMENT);
            assertConsistent(store, index);
            AppendedMessage next = store.append(message("t", index % 2, "again")).messages().get(0);
            assertThat(next.queueOffset()).isEqualTo(index / 2);
        }
    }

    @Test
    void queueUnitsTornByTheCrashAreRebuiltFromTheCommitLog() throws IOException {
        crashAfterAppending(MESSAGES);
        Path queueSegment = crashed.resolve("consumequeue/t/0/00000000000000000000");
        CrashImage.overwrite(queueSegment, 10L * StoreConfig.CONSUME_QUEUE_UNIT, new byte[8]);
        CrashImage.overwrite(queueSegment, 14L * StoreConfig.CONSUME_QUEUE_UNIT + 8, new byte[] {0, 0, 0, 0});

        try (MessageStore store = MessageStore.open(config(crashed).build())) {
            assertConsistent(store, MESSAGES);
        }
    }

    @Test
    void aLostIndexIsRebuiltFromTheCommitLog() throws IOException {
        crashAfterAppending(MESSAGES);
        try (var files = Files.list(crashed.resolve("index"))) {
            for (Path file : files.toList()) {
                CrashImage.overwrite(file, 0, new byte[(int) Files.size(file)]);
            }
        }

        try (MessageStore store = MessageStore.open(config(crashed).build())) {
            assertConsistent(store, MESSAGES);
        }
    }

    @Test
    void aCleanShutdownNeedsNoRepair() throws IOException {
        crashAfterAppending(MESSAGES);

        try (MessageStore store = MessageStore.open(config(running).build())) {
            assertThat(running.resolve("abort")).exists();
            assertConsistent(store, MESSAGES);
        }
        assertThat(running.resolve("abort")).doesNotExist();
    }

    /**
     * The first {@code count} messages, and nothing else, are readable from their queues in order,
     * each queue unit agrees with its record, and each message is found by its key.
     */
    private static void assertConsistent(MessageStore store, int count) {
        await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
        MessageRecordView view = new MessageRecordView();
        for (int queueId = 0; queueId < 2; queueId++) {
            List<String> expected = new ArrayList<>();
            for (int i = queueId; i < count; i += 2) {
                expected.add("m" + i);
            }
            List<String> actual = new ArrayList<>();
            long offset = 0;
            while (offset < store.maxOffset("t", queueId)) {
                try (GetMessageResult result = store.getMessages("t", queueId, offset, 32, MessageFilter.ALL)) {
                    for (ByteBuffer record : result.messages()) {
                        assertThat(view.wrap(record, 0).queueOffset()).isEqualTo(actual.size());
                        actual.add(TestStores.body(record));
                    }
                    offset = result.nextBeginOffset();
                }
            }
            assertThat(actual).containsExactlyElementsOf(expected);
            assertThat(store.maxOffset("t", queueId)).isEqualTo(expected.size());
        }
        for (int i = 0; i < count; i++) {
            assertThat(store.queryByKey("t", "k" + i, 4, 0, Long.MAX_VALUE)).extracting(TestStores::body)
                    .containsExactly("m" + i);
        }
        assertThat(store.queryByKey("t", "k" + count, 4, 0, Long.MAX_VALUE)).isEmpty();
    }
}
