package dev.bolide.store;

import static dev.bolide.store.TestStores.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.testsupport.NoThreadLeaks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoThreadLeaks.class)
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void concurrentSyncAppendsShareForces() throws Exception {
        int threads = 16;
        int perThread = 200;
        try (MessageStore store = MessageStore.open(TestStores.config(dir).flushDiskType(FlushDiskType.SYNC_FLUSH)
                .build())) {
            long forcesBefore = store.commitLogForceCount();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int queueId = t;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perThread; i++) {
                        assertThat(store.append(message("t", queueId, "m" + i)).status())
                                .isEqualTo(AppendResult.Status.PUT_OK);
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            pool.shutdown();

            long forces = store.commitLogForceCount() - forcesBefore;
            assertThat(forces).isPositive().isLessThan(threads * perThread);
            System.out.printf("group commit: %d appends, %d forces%n", threads * perThread, forces);
        }
    }

    @Test
    void aSyncAppendIsOnDiskWhenItCompletes() throws Exception {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).flushDiskType(FlushDiskType.SYNC_FLUSH)
                .build())) {
            AppendedMessage appended = store.append(message("t", 0, "durable")).messages().get(0);

            assertThat(store.commitLogFlushedOffset()).isGreaterThanOrEqualTo(appended.physicalOffset() + appended.size());
        }
    }

    @Test
    void anAsyncAppendCompletesOnceOnDisk() throws Exception {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).flushDiskType(FlushDiskType.SYNC_FLUSH)
                .build())) {
            AppendResult result = store.appendAsync(List.of(message("t", 0, "async"))).get(10, TimeUnit.SECONDS);
            AppendedMessage appended = result.messages().get(0);

            assertThat(store.commitLogFlushedOffset()).isGreaterThanOrEqualTo(appended.physicalOffset() + appended.size());
        }
    }

    @Test
    void aMessageThatDoesNotWaitIsStillFlushedAndBecomesVisible() throws Exception {
        try (MessageStore store = MessageStore.open(TestStores.config(dir).flushDiskType(FlushDiskType.SYNC_FLUSH)
                .build())) {
            store.append(MessageToStore.builder("t", 0, new byte[] {1}).waitForFlush(false).build());

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> store.maxOffset("t", 0) == 1);
        }
    }
}
