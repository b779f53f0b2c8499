package dev.bolide.store;

import static dev.bolide.store.TestStores.body;
import static dev.bolide.store.TestStores.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.message.MessageId;
import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.protocol.message.PropertyKeys;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a store does, whichever way it flushes: run by {@link AsyncFlushMessageStoreTest} and
 * {@link SyncFlushMessageStoreTest}, as the store's one suite for both flush types.
 */
@ExtendWith(NoThreadLeaks.class)
abstract class MessageStoreContract {
    @TempDir
    Path dir;
    MessageStore store;

    /** The flush type the store under test uses. */
    abstract FlushDiskType flushDiskType();

    private StoreConfig.Builder config() {
        return TestStores.config(dir).flushDiskType(flushDiskType());
    }

    @BeforeEach
    void open() throws IOException {
        store = MessageStore.open(config().build());
    }

    @AfterEach
    void close() throws IOException {
        store.close();
    }

    private List<String> readAll(String topic, int queueId) {
        await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
        List<String> bodies = new ArrayList<>();
        long offset = store.minOffset(topic, queueId);
        while (offset < store.maxOffset(topic, queueId)) {
            try (GetMessageResult result = store.getMessages(topic, queueId, offset, 32, MessageFilter.ALL)) {
                result.messages().forEach(m -> bodies.add(body(m)));
                offset = result.nextBeginOffset();
            }
        }
        return bodies;
    }

    @Test
    void readsBackWhatWasAppendedInOrder() {
        for (int i = 0; i < 50; i++) {
            store.append(message("orders", 1, "m" + i));
        }

        assertThat(readAll("orders", 1)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 50).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void assignsQueueOffsetsPerQueue() {
        AppendResult a0 = store.append(message("t", 0, "a"));
        AppendResult b0 = store.append(message("t", 1, "b"));
        AppendResult a1 = store.append(message("t", 0, "c"));

        assertThat(a0.messages().get(0).queueOffset()).isZero();
        assertThat(b0.messages().get(0).queueOffset()).isZero();
        assertThat(a1.messages().get(0).queueOffset()).isEqualTo(1);
    }

    @Test
    void recordsCarryTheOffsetsTheAppendReported() {
        AppendedMessage appended = store.append(message("t", 3, "x"), message("t", 3, "y")).messages().get(1);
        await().until(() -> store.maxOffset("t", 3) == 2);

        try (GetMessageResult result = store.getMessages("t", 3, 1, 1, MessageFilter.ALL)) {
            MessageRecordView record = new MessageRecordView().wrap(result.messages().get(0), 0);
            assertThat(record.queueOffset()).isEqualTo(appended.queueOffset());
            assertThat(record.physicalOffset()).isEqualTo(appended.physicalOffset());
            assertThat(record.storeTimestamp()).isEqualTo(appended.storeTimestamp());
            assertThat(MessageId.physicalOffset(appended.offsetMessageId())).isEqualTo(appended.physicalOffset());
        }
    }

    @Test
    void knowsWhenTheMessageAtAQueueOffsetWasStored() {
        AppendedMessage second = store.append(message("t", 0, "x"), message("t", 0, "y")).messages().get(1);
        await().until(() -> store.maxOffset("t", 0) == 2);

        assertThat(store.storeTimestamp("t", 0, 1)).isEqualTo(second.storeTimestamp());
        assertThat(store.storeTimestamp("t", 0, 2)).isEqualTo(-1);
        assertThat(store.storeTimestamp("t", 0, -1)).isEqualTo(-1);
        assertThat(store.storeTimestamp("unknown", 0, 0)).isEqualTo(-1);
    }

    @Test
    void filtersByTagHash() {
        store.append(message("t", 0, "a", Map.of(PropertyKeys.TAGS, "red")),
                message("t", 0, "b", Map.of(PropertyKeys.TAGS, "blue")),
                message("t", 0, "c", Map.of(PropertyKeys.TAGS, "red")));
        await().until(() -> store.maxOffset("t", 0) == 3);
        long red = "red".hashCode();

        try (GetMessageResult result = store.getMessages("t", 0, 0, 32, code -> code == red)) {
            assertThat(result.messages()).extracting(TestStores::body).containsExactly("a", "c");
            assertThat(result.nextBeginOffset()).isEqualTo(3);
        }
    }

    @Test
    void recordFilterSeesTheWholeRecord() {
        store.append(message("t", 0, "a", Map.of("a", "1")), message("t", 0, "b", Map.of("a", "2")));
        await().until(() -> store.maxOffset("t", 0) == 2);
        MessageFilter onProperty = new MessageFilter() {
            @Override
            public boolean matchesTagsCode(long tagsCode) {
                return true;
            }

            @Override
            public boolean matchesRecord(ByteBuffer record) {
                return new MessageRecordView().wrap(record, 0).properties().contains("a\u00012");
            }
        };

        try (GetMessageResult result = store.getMessages("t", 0, 0, 32, onProperty)) {
            assertThat(result.messages()).extracting(TestStores::body).containsExactly("b");
        }
    }

    @Test
    void reportsNothingMatchedWhenTheFilterRejectsEverything() {
        store.append(message("t", 0, "a"));
        await().until(() -> store.maxOffset("t", 0) == 1);

        try (GetMessageResult result = store.getMessages("t", 0, 0, 32, code -> false)) {
            assertThat(result.status()).isEqualTo(GetMessageStatus.NO_MATCHED_MESSAGE);
            assertThat(result.nextBeginOffset()).isEqualTo(1);
        }
    }

    @Test
    void classifiesOffsetsOutsideTheQueue() {
        assertThat(store.getMessages("none", 0, 0, 1, MessageFilter.ALL).status())
                .isEqualTo(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE);
        store.append(message("t", 0, "a"));
        await().until(() -> store.maxOffset("t", 0) == 1);

        assertThat(store.getMessages("t", 0, 1, 1, MessageFilter.ALL).status())
                .isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
        GetMessageResult badly = store.getMessages("t", 0, 7, 1, MessageFilter.ALL);
        assertThat(badly.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_BADLY);
        assertThat(badly.nextBeginOffset()).isEqualTo(1);
    }

    @Test
    void limitsABatchToMaxCount() {
        for (int i = 0; i < 10; i++) {
            store.append(message("t", 0, "m" + i));
        }
        await().until(() -> store.maxOffset("t", 0) == 10);

        try (GetMessageResult result = store.getMessages("t", 0, 2, 3, MessageFilter.ALL)) {
            assertThat(result.messages()).extracting(TestStores::body).containsExactly("m2", "m3", "m4");
            assertThat(result.nextBeginOffset()).isEqualTo(5);
        }
    }

    @Test
    void findsMessagesByKeyAndByUniqueId() {
        long before = System.currentTimeMillis();
        store.append(message("t", 0, "a", Map.of(PropertyKeys.KEYS, "order-1 customer-9")),
                message("t", 0, "b", Map.of(PropertyKeys.UNIQUE_CLIENT_MESSAGE_ID, "ABCDEF")),
                message("u", 0, "c", Map.of(PropertyKeys.KEYS, "order-1")));
        await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
        long after = System.currentTimeMillis();

        assertThat(store.queryByKey("t", "order-1", 10, before, after)).extracting(TestStores::body).containsExactly("a");
        assertThat(store.queryByKey("t", "customer-9", 10, before, after)).extracting(TestStores::body).containsExactly("a");
        assertThat(store.queryByKey("t", "ABCDEF", 10, before, after)).extracting(TestStores::body).containsExactly("b");
        assertThat(store.queryByKey("t", "order-1", 10, after + 5000, after + 9000)).isEmpty();
    }

    @Test
    void queryReturnsTheNewestFirstUpToTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.append(message("t", 0, "m" + i, Map.of(PropertyKeys.KEYS, "same")));
        }
        await().until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());

        assertThat(store.queryByKey("t", "same", 3, 0, Long.MAX_VALUE)).extracting(TestStores::body)
                .containsExactly("m4", "m3", "m2");
    }

    @Test
    void looksUpARecordByItsPhysicalOffset() {
        AppendedMessage appended = store.append(message("t", 0, "hello")).messages().get(0);

        assertThat(body(store.lookupMessage(appended.physicalOffset()))).isEqualTo("hello");
        assertThat(store.lookupMessage(appended.physicalOffset() + 1)).isNull();
    }

    @Test
    void findsTheOffsetClosestToATimestamp() throws InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            times.add(store.append(message("t", 0, "m" + i)).messages().get(0).storeTimestamp());
            Thread.sleep(20);
        }
        await().until(() -> store.maxOffset("t", 0) == 5);

        assertThat(store.offsetByTime("t", 0, times.get(2))).isEqualTo(2);
        assertThat(store.offsetByTime("t", 0, times.get(3) - 1)).isEqualTo(3);
        assertThat(store.offsetByTime("t", 0, 0)).isZero();
        assertThat(store.offsetByTime("t", 0, Long.MAX_VALUE)).isEqualTo(4);
    }

    @Test
    void notifiesListenersOfDispatchedMessages() {
        List<DispatchedMessage> seen = new CopyOnWriteArrayList<>();
        store.addDispatchListener(seen::add);

        store.append(message("t", 2, "a", Map.of(PropertyKeys.TAGS, "x")));

        await().until(() -> seen.size() == 1);
        assertThat(seen.get(0).topic()).isEqualTo("t");
        assertThat(seen.get(0).queueId()).isEqualTo(2);
        assertThat(seen.get(0).tagsCode()).isEqualTo("x".hashCode());
    }

    @Test
    void rejectsABodyLargerThanMaxMessageSizeAndKeepsServing() {
        long before = store.commitLogMaxOffset();

        assertThatThrownBy(() -> store.append(message("t", 0, "x".repeat(TestStores.MAX_MESSAGE_SIZE + 1))))
                .isInstanceOf(StoreException.class).hasMessageContaining("maxMessageSize")
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.MESSAGE_ILLEGAL);
        assertThat(store.commitLogMaxOffset()).isEqualTo(before);
        store.append(message("t", 0, "fine"));
        assertThat(readAll("t", 0)).containsExactly("fine");
    }

    @Test
    void rejectsATopicLongerThan127Bytes() {
        assertThatThrownBy(() -> message("t".repeat(128), 0, "x")).isInstanceOf(StoreException.class)
                .hasMessageContaining("topic");
    }

    @Test
    void aSecondStoreCannotOpenTheSameDirectory() {
        assertThatThrownBy(() -> MessageStore.open(config().build())).isInstanceOf(IOException.class)
                .hasMessageContaining("in use");
    }

    @Test
    void keepsEverythingAcrossACleanRestart() throws IOException {
        for (int i = 0; i < 300; i++) {
            store.append(message("t", i % 3, "m" + i, Map.of(PropertyKeys.KEYS, "k" + i)));
        }
        store.close();
        store = MessageStore.open(config().build());

        assertThat(readAll("t", 0)).hasSize(100).startsWith("m0", "m3");
        assertThat(store.maxOffset("t", 1)).isEqualTo(100);
        assertThat(store.queryByKey("t", "k299", 5, 0, Long.MAX_VALUE)).extracting(TestStores::body).containsExactly("m299");
        assertThat(store.append(message("t", 0, "next")).messages().get(0).queueOffset()).isEqualTo(100);
    }

    @Test
    void refusesAppendsOnceClosedAndClosesOnlyOnce() throws IOException {
        store.close();

        assertThatThrownBy(() -> store.append(message("t", 0, "late"))).isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.CLOSED);
        store.close();
    }

    @Test
    void refusesAppendsWhenTheDiskIsAboveTheWarningLevel() throws IOException {
        store.close();
        store = MessageStore.open(config().diskSpaceWarningLevelRatio(0.0).build());
        store.deleteExpiredFiles();

        assertThatThrownBy(() -> store.append(message("t", 0, "x"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("disk full")
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.DISK_FULL);
    }
}
