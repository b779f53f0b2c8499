package dev.bolide.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.message.MessageRecordView;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store on a small volume that fills up: appends are refused with a clear error, the store stays
 * up and serves what it holds, appends resume once space returns, and every acknowledged message
 * (SYNC_FLUSH: on disk when acknowledged) is read back, before and after a restart.
 */
@ExtendWith(NoThreadLeaks.class)
class DiskFullTest {
    private static final int VOLUME_MB = 64;
    private static final int QUEUES = 4;
    private static final int BODY = 1024;
    private static final int MIB = 1024 * 1024;
    /** Appends between two retention rounds, which notice disk use (every 10 s in a broker). */
    private static final int APPENDS_PER_ROUND = 50;

    @TempDir
    Path dir;

    private static StoreConfig.Builder config(Path root) {
        return StoreConfig.builder(root).flushDiskType(FlushDiskType.SYNC_FLUSH)
                .mappedFileSizeCommitLog(4 * MIB).maxMessageSize(4096)
                .mappedFileSizeConsumeQueue(6000 * StoreConfig.CONSUME_QUEUE_UNIT)
                .maxHashSlotNum(1000).maxIndexNum(20_000)
                .cleanResourceInterval(Duration.ofHours(1))
                .deleteWhen(Set.of((LocalTime.now().getHour() + 12) % 24));
    }

    @ParameterizedTest
    @EnumSource(SmallVolume.Kind.class)
    void aboveTheWarningLevelAppendsAreRefusedReadsServedAndNothingAcknowledgedIsLost(SmallVolume.Kind kind)
            throws IOException {
        List<Integer> acknowledged = new ArrayList<>();
        try (SmallVolume volume = SmallVolume.mount(kind, dir.resolve("volume"), VOLUME_MB)) {
            Path root = volume.path().resolve("store");
            Path ballast = volume.fillLeaving(24L * MIB);
            try (MessageStore store = MessageStore.open(config(root).build())) {
                StoreException refused = appendUntilRefused(store, acknowledged, true);

                assertThat(refused.reason()).isEqualTo(StoreException.Reason.DISK_FULL);
                assertThat(refused).hasMessageContaining("above diskSpaceWarningLevelRatio 90.0%")
                        .hasMessageContaining("forced cleaning kept");
                assertThat(readAll(store)).as("served while full").containsExactlyElementsOf(acknowledged);

                volume.delete(ballast);
                store.deleteExpiredFiles();
                appendMore(store, acknowledged, 1000);
                assertThat(readAll(store)).containsExactlyElementsOf(acknowledged);
            }
            try (MessageStore store = MessageStore.open(config(root).build())) {
                assertThat(readAll(store)).as("after a restart").containsExactlyElementsOf(acknowledged);
            }
        }
        System.out.printf("%s, warning level: %d acknowledged, all read back%n", kind, acknowledged.size());
    }

    /**
     * The CommitLog's files are sparse and written through the file channel, whose writes the
     * kernel refuses when it has no block left, or zero-filled whole when created ({@code
     * zeroFillCommitLog}); ConsumeQueue and index files are written through their mappings, allocated
     * step by step: a write into an unallocated page of a full disk would kill the JVM with SIGBUS.
     */
    static Stream<Arguments> volumesAndFlushTypes() {
        return Stream.of(SmallVolume.Kind.values()).flatMap(kind -> Stream.of(
                Arguments.of(kind, FlushDiskType.ASYNC_FLUSH, false), Arguments.of(kind, FlushDiskType.SYNC_FLUSH, false),
                Arguments.of(kind, FlushDiskType.SYNC_FLUSH, true)));
    }

    @ParameterizedTest
    @MethodSource("volumesAndFlushTypes")
    void aDiskWithNoBlockLeftIsAnErrorForTheAppendNotACrash(SmallVolume.Kind kind, FlushDiskType flushDiskType,
            boolean zeroFillCommitLog) throws IOException {
        List<Integer> acknowledged = new ArrayList<>();
        try (SmallVolume volume = SmallVolume.mount(kind, dir.resolve("volume"), VOLUME_MB)) {
            Path root = volume.path().resolve("store");
            Path ballast = volume.fillLeaving(16L * MIB);
            StoreConfig config = config(root).flushDiskType(flushDiskType).zeroFillCommitLog(zeroFillCommitLog)
                    .diskMaxUsedSpaceRatio(1.0)
                    .diskSpaceCleanForciblyRatio(1.0).diskSpaceWarningLevelRatio(1.0).build();
            try (MessageStore store = MessageStore.open(config)) {
                StoreException refused = appendUntilRefused(store, acknowledged, false);

                assertThat(refused.reason()).isEqualTo(StoreException.Reason.DISK_FULL);
                assertThat(refused).hasMessageContaining("No space left on device");
                assertThat(volume.usableSpace()).isLessThan(MIB);

                volume.delete(ballast);
                appendMore(store, acknowledged, 1000);
                assertThat(readAll(store)).containsExactlyElementsOf(acknowledged);
            }
            try (MessageStore store = MessageStore.open(config)) {
                assertThat(readAll(store)).as("after a restart").containsExactlyElementsOf(acknowledged);
            }
        }
        System.out.printf("%s, %s, zero-filled %s, no block left: %d acknowledged, all read back%n", kind,
                flushDiskType, zeroFillCommitLog, acknowledged.size());
    }

    private static StoreException appendUntilRefused(MessageStore store, List<Integer> acknowledged,
            boolean retentionRounds) throws IOException {
        for (int attempts = 0; attempts < 200_000; attempts++) {
            if (retentionRounds && attempts % APPENDS_PER_ROUND == 0) {
                store.deleteExpiredFiles();
            }
            int number = acknowledged.size();
            try {
                acknowledge(store.append(message(number)), acknowledged, number);
            } catch (StoreException e) {
                return e;
            }
        }
        throw new AssertionError("never refused after " + acknowledged.size() + " appends");
    }

    private static void appendMore(MessageStore store, List<Integer> acknowledged, int count) {
        for (int i = 0; i < count; i++) {
            int number = acknowledged.size();
            acknowledge(store.append(message(number)), acknowledged, number);
        }
    }

    private static void acknowledge(AppendResult result, List<Integer> acknowledged, int number) {
        assertThat(result.status()).isEqualTo(AppendResult.Status.PUT_OK);
        acknowledged.add(number);
    }

    private static MessageToStore message(int number) {
        String body = String.format("%08d", number) + "x".repeat(BODY - 8);
        return MessageToStore.builder("t", number % QUEUES, body.getBytes(StandardCharsets.US_ASCII)).build();
    }

    /** Every message the queues hold, by number, in the order they were appended. */
    private static List<Integer> readAll(MessageStore store) {
        await().atMost(Duration.ofSeconds(30)).until(() -> store.dispatchedOffset() == store.commitLogMaxOffset());
        List<Integer> numbers = new ArrayList<>();
        MessageRecordView view = new MessageRecordView();
        for (int queue = 0; queue < QUEUES; queue++) {
            long offset = store.minOffset("t", queue);
            while (offset < store.maxOffset("t", queue)) {
                try (GetMessageResult result = store.getMessages("t", queue, offset, 32, MessageFilter.ALL)) {
                    for (ByteBuffer record : result.messages()) {
                        byte[] body = view.wrap(record, record.position()).bodyBytes();
                        numbers.add(Integer.parseInt(new String(body, 0, 8, StandardCharsets.US_ASCII)));
                    }
                    offset = result.nextBeginOffset();
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }
}
