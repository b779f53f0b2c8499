package dev.bolide.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.protocol.message.MessageRecordLayout;
import dev.bolide.protocol.message.MessageSysFlag;
import dev.bolide.store.AppendedMessage;
import dev.bolide.store.MessageToStore;
import dev.bolide.store.StoreException;
import dev.bolide.store.TestStores;
import dev.bolide.store.segment.MappedSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogTest {
    private static final int SEGMENT = TestStores.COMMIT_LOG_SEGMENT;

    @TempDir
    Path dir;
    CommitLog commitLog;

    @BeforeEach
    void open() throws IOException {
        commitLog = CommitLog.open(TestStores.config(dir).build());
    }

    @AfterEach
    void close() {
        commitLog.close();
    }

    private AppendedMessage append(int bodySize) {
        return commitLog.append(List.of(MessageToStore.builder("t", 0, new byte[bodySize]).build())).get(0);
    }

    @Test
    void aRecordThatDoesNotFitStartsTheNextSegmentAfterABlankRecord() {
        AppendedMessage last;
        do {
            last = append(3000);
        } while (last.physicalOffset() < SEGMENT);

        assertThat(last.physicalOffset()).isEqualTo(SEGMENT);
        MappedSegment first = commitLog.segments().first();
        int blankAt = first.size() - first.buffer().getInt(findBlank(first));
        assertThat(first.buffer().getInt(blankAt + MessageRecordLayout.MAGIC)).isEqualTo(MessageRecordLayout.BLANK_MAGIC_CODE);
        assertThat(first.isFull()).isTrue();
    }

    private static int findBlank(MappedSegment segment) {
        int position = 0;
        while (segment.buffer().getInt(position + MessageRecordLayout.MAGIC) != MessageRecordLayout.BLANK_MAGIC_CODE) {
            position += segment.buffer().getInt(position);
        }
        return position;
    }

    @Test
    void aBatchIsStoredContiguouslyWithConsecutiveQueueOffsets() {
        List<MessageToStore> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(MessageToStore.builder("t", 2, new byte[100 + i]).build());
        }

        List<AppendedMessage> appended = commitLog.append(batch);

        for (int i = 1; i < appended.size(); i++) {
            AppendedMessage previous = appended.get(i - 1);
            assertThat(appended.get(i).physicalOffset()).isEqualTo(previous.physicalOffset() + previous.size());
            assertThat(appended.get(i).queueOffset()).isEqualTo(previous.queueOffset() + 1);
            assertThat(appended.get(i).storeTimestamp()).isEqualTo(previous.storeTimestamp());
        }
    }

    @Test
    void aBatchNeverStraddlesTwoSegments() {
        while (commitLog.maxOffset() < SEGMENT - 20_000) {
            append(3000);
        }
        List<MessageToStore> batch = Collections.nCopies(8, MessageToStore.builder("t", 0, new byte[3000]).build());

        List<AppendedMessage> appended = commitLog.append(batch);

        assertThat(appended).allSatisfy(m -> assertThat(m.physicalOffset()).isGreaterThanOrEqualTo(SEGMENT));
    }

    @Test
    void aBatchLargerThanASegmentIsRefusedWithoutWritingAnything() {
        List<MessageToStore> batch = Collections.nCopies(30, MessageToStore.builder("t", 0, new byte[3000]).build());

        assertThatThrownBy(() -> commitLog.append(batch)).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not fit in one CommitLog segment");
        assertThat(commitLog.maxOffset()).isZero();
        assertThat(append(10).queueOffset()).isZero();
    }

    @Test
    void preparedTransactionRecordsTakeNoQueueOffset() {
        commitLog.append(List.of(MessageToStore.builder("t", 0, new byte[1])
                .sysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE).build()));

        assertThat(append(1).queueOffset()).isZero();
    }

    @Test
    void concurrentWritersGetDenseQueueOffsetsAndDisjointRecords() throws Exception {
        int threads = 8;
        int perThread = 400;
        Map<Integer, List<Long>> offsetsByQueue = new ConcurrentHashMap<>();
        List<AppendedMessage> all = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int queueId = t % 3;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    AppendedMessage m = commitLog.append(List.of(
                            MessageToStore.builder("t", queueId, new byte[50 + i % 200]).build())).get(0);
                    offsetsByQueue.computeIfAbsent(queueId, q -> Collections.synchronizedList(new ArrayList<>()))
                            .add(m.queueOffset());
                    all.add(m);
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        offsetsByQueue.values().forEach(offsets -> assertThat(offsets.stream().sorted().toList())
                .isEqualTo(java.util.stream.LongStream.range(0, offsets.size()).boxed().toList()));
        List<AppendedMessage> byPosition = all.stream()
                .sorted(java.util.Comparator.comparingLong(AppendedMessage::physicalOffset)).toList();
        for (int i = 1; i < byPosition.size(); i++) {
            AppendedMessage previous = byPosition.get(i - 1);
            assertThat(byPosition.get(i).physicalOffset()).isGreaterThanOrEqualTo(previous.physicalOffset() + previous.size());
        }
        assertThat(CommitLogScanner.validEnd(commitLog.segments(), 0, true)).isEqualTo(commitLog.maxOffset());
    }
}
