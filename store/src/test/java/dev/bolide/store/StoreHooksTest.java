package dev.bolide.store;

import static dev.bolide.store.TestStores.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What a broker builds on: its own tags codes, walks over the CommitLog, copies of stored records. */
@ExtendWith(NoThreadLeaks.class)
class StoreHooksTest {
    /** Queue "due" keeps store time + 1000 in the tags-code slot; other queues the tag hash. */
    private static final TagsCode DUE_IN_A_SECOND = (topic, queueId, properties, storeTimestamp) ->
            topic.equals("due") ? storeTimestamp + 1000 : TagsCode.ofTags(properties);

    @TempDir
    Path dir;

    @Test
    void tagsCodesComeFromTheFunctionTheStoreWasOpenedWith() throws IOException {
        List<DispatchedMessage> dispatched = new CopyOnWriteArrayList<>();
        try (MessageStore store = MessageStore.open(TestStores.config(dir).build(), DUE_IN_A_SECOND)) {
            store.addDispatchListener(dispatched::add);
            long stored = store.append(message("due", 0, "x")).messages().get(0).storeTimestamp();
            store.append(message("t", 0, "y", Map.of(PropertyKeys.TAGS, "red")));
            await().until(() -> dispatched.size() == 2);

            assertThat(dispatched.get(0).tagsCode()).isEqualTo(stored + 1000);
            assertThat(dispatched.get(1).tagsCode()).isEqualTo("red".hashCode());
            try (GetMessageResult due = store.getMessages("due", 0, 0, 1, code -> code == stored + 1000)) {
                assertThat(due.messages()).hasSize(1);
            }
        }
    }

    @Test
    void appendsLeftToAnotherThreadToDispatchAreReadableOnceItDispatches() throws IOException {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).build())) {
            store.dispatchedByOthersWhile(() -> true);
            store.append(message("t", 0, "x"));
            store.replication().dispatchAppended();

            await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
            try (GetMessageResult read = store.getMessages("t", 0, 0, 1, code -> true)) {
                assertThat(read.messages()).hasSize(1);
            }
        }
    }

    @Test
    void appendsLeftToAnotherThreadThatDoesNotDispatchAreDispatchedByTheDispatchersOwnThread() throws IOException {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).build())) {
            store.dispatchedByOthersWhile(() -> true);
            store.append(message("t", 0, "x"));

            // within its longest park (ten milliseconds), with room for a slow machine
            await().atMost(Duration.ofSeconds(2)).until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
        }
    }

    @Test
    void appendListenersHearOfEachMessageWithItsOffsetsBeforeTheAppendReturns() throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (MessageStore store = MessageStore.open(TestStores.config(dir).flushDiskType(FlushDiskType.SYNC_FLUSH)
                .build())) {
            store.addAppendListener((message, where) -> heard.add(message.topic() + "@" + where.queueOffset() + "/"
                    + where.physicalOffset()));
            AppendResult first = store.appendWithoutWaiting(List.of(message("t", 0, "x"), message("u", 1, "y")));

            assertThat(heard).containsExactly("t@0/" + first.messages().get(0).physicalOffset(),
                    "u@0/" + first.messages().get(1).physicalOffset());
        }
    }

    @Test
    void whenOnDiskForcesUnderAsyncFlushWhatNoFlushWouldCoverSoon() throws IOException {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).flushDiskType(FlushDiskType.ASYNC_FLUSH)
                .build())) {
            AppendResult appended = store.appendWithoutWaiting(List.of(message("t", 0, "x")));
            long end = appended.messages().get(0).physicalOffset() + appended.messages().get(0).size();

            assertThat(store.whenOnDisk(appended).join()).isTrue();
            assertThat(store.commitLogFlushedOffset()).isGreaterThanOrEqualTo(end);
        }
    }

    @Test
    void whenOnDiskUnderSyncFlushCompletesWithTheGroupCommit() throws IOException {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).flushDiskType(FlushDiskType.SYNC_FLUSH)
                .build())) {
            AppendResult appended = store.appendWithoutWaiting(List.of(message("t", 0, "x")));
            long end = appended.messages().get(0).physicalOffset() + appended.messages().get(0).size();

            assertThat(store.whenOnDisk(appended).join()).isTrue();
            assertThat(store.commitLogFlushedOffset()).isGreaterThanOrEqualTo(end);
        }
    }

    @Test
    void queuesRebuiltByRecoveryGetTheSameTagsCodes() throws IOException {
        long stored;
        try (MessageStore store = MessageStore.open(TestStores.config(dir).build(), DUE_IN_A_SECOND)) {
            stored = store.append(message("due", 0, "x")).messages().get(0).storeTimestamp();
        }
        deleteConsumeQueues();
        try (MessageStore store = MessageStore.open(TestStores.config(dir).build(), DUE_IN_A_SECOND)) {
            try (GetMessageResult due = store.getMessages("due", 0, 0, 1, code -> code == stored + 1000)) {
                assertThat(due.messages()).hasSize(1);
            }
        }
    }

    private void deleteConsumeQueues() throws IOException {
        try (var files = Files.walk(dir.resolve("consumequeue"))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        Files.deleteIfExists(dir.resolve("checkpoint"));
    }

    @Test
    void walksEveryRecordFromAnOffsetAcrossSegments() throws IOException {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).build())) {
            String body = "b".repeat(1000);
            long from = 0;
            for (int i = 0; i < 200; i++) {
                long offset = store.append(message("t", i % 3, body + i)).messages().get(0).physicalOffset();
                if (i == 20) {
                    from = offset;
                }
            }
            List<Integer> seen = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            store.forEachRecord(from, (offset, record) -> {
                offsets.add(offset);
                seen.add(Integer.parseInt(new String(record.bodyBytes()).substring(1000)));
            });

            assertThat(store.commitLogMaxOffset()).isGreaterThan(2L * TestStores.COMMIT_LOG_SEGMENT);
            assertThat(seen).containsExactlyElementsOf(IntStream.range(20, 200).boxed().toList());
            assertThat(offsets.get(0)).isEqualTo(from);
        }
    }

    @Test
    void aCopyOfAStoredRecordKeepsWhatItsProducerGaveIt() throws IOException {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).build())) {
            MessageToStore original = MessageToStore.builder("t", 0, "body".getBytes())
                    .properties(Map.of(PropertyKeys.KEYS, "k")).flag(3).sysFlag(MessageSysFlag.COMPRESSED)
                    .bornTimestamp(1_700_000_000_000L).bornHost(new InetSocketAddress("10.0.0.9", 4321))
                    .reconsumeTimes(2).build();
            long offset = store.append(original).messages().get(0).physicalOffset();
            MessageRecordView stored = new MessageRecordView().wrap(store.lookupMessage(offset), 0);

            long copyOffset = store.append(MessageToStore.copyOf(stored, "elsewhere", 1).build()).messages().get(0)
                    .physicalOffset();

            MessageRecordView copy = new MessageRecordView().wrap(store.lookupMessage(copyOffset), 0);
            assertThat(copy.topic()).isEqualTo("elsewhere");
            assertThat(copy.queueId()).isEqualTo(1);
            assertThat(copy.bodyBytes()).isEqualTo("body".getBytes());
            assertThat(copy.properties()).isEqualTo(stored.properties());
            assertThat(copy.flag()).isEqualTo(3);
            assertThat(copy.sysFlag()).isEqualTo(MessageSysFlag.COMPRESSED);
            assertThat(copy.bornTimestamp()).isEqualTo(1_700_000_000_000L);
            assertThat(copy.bornHost()).isEqualTo(new InetSocketAddress("10.0.0.9", 4321));
            assertThat(copy.reconsumeTimes()).isEqualTo(2);
        }
    }
}
