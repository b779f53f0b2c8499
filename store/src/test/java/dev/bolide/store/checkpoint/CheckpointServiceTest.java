package dev.bolide.store.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.store.StoreConfig;
import dev.bolide.store.TestStores;
import dev.bolide.store.consumequeue.ConsumeQueueTable;
import dev.bolide.store.dispatch.DispatchProgress;
import dev.bolide.store.index.IndexPosition;
import dev.bolide.store.index.IndexService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint never claims more of the index than was forced: periodic checkpoints force the
 * index only every {@link CheckpointService#INDEX_FLUSH_PERIOD}th time and, in between, keep the
 * dispatcher's progress of the last index force, while the CommitLog's flushed offset moves on.
 */
class CheckpointServiceTest {
    private static final IndexPosition FIRST = new IndexPosition(20261207000000000L, 5);
    private static final IndexPosition LATER = new IndexPosition(20261207000000000L, 9);

    @TempDir
    Path dir;
    private final AtomicReference<DispatchProgress> progress = new AtomicReference<>(new DispatchProgress(100, FIRST));
    private long commitLogFlushed = 120;
    private ConsumeQueueTable queues;
    private IndexService index;
    private CheckpointService checkpoints;

    @BeforeEach
    void open() throws IOException {
        StoreConfig config = TestStores.config(dir).build();
        queues = ConsumeQueueTable.open(config.consumeQueueDir(), config.mappedFileSizeConsumeQueue());
        index = IndexService.open(config);
        checkpoints = new CheckpointService(file(), Checkpoint.NONE, queues, index, () -> commitLogFlushed,
                progress::get);
    }

    @AfterEach
    void close() {
        index.close();
        queues.close();
    }

    @Test
    void aPeriodicCheckpointBetweenIndexForcesKeepsTheProgressOfTheLastForce() throws IOException {
        checkpoints.checkpoint();
        progress.set(new DispatchProgress(300, LATER));
        commitLogFlushed = 320;

        checkpoints.periodicCheckpoint();

        Checkpoint written = Checkpoint.read(file());
        assertThat(written.commitLogFlushed()).isEqualTo(320);
        assertThat(written.dispatched()).isEqualTo(100);
        assertThat(written.index()).isEqualTo(FIRST);
    }

    @Test
    void everyTenthPeriodicCheckpointForcesTheIndexAndClaimsTheCurrentProgress() throws IOException {
        checkpoints.checkpoint();
        progress.set(new DispatchProgress(300, LATER));
        for (int round = 1; round < CheckpointService.INDEX_FLUSH_PERIOD; round++) {
            checkpoints.periodicCheckpoint();
        }
        assertThat(Checkpoint.read(file()).dispatched()).isEqualTo(100);

        checkpoints.periodicCheckpoint();

        Checkpoint written = Checkpoint.read(file());
        assertThat(written.dispatched()).isEqualTo(300);
        assertThat(written.index()).isEqualTo(LATER);
    }

    @Test
    void anExplicitCheckpointAlwaysForcesTheIndex() throws IOException {
        checkpoints.checkpoint();
        progress.set(new DispatchProgress(300, LATER));

        checkpoints.checkpoint();

        assertThat(Checkpoint.read(file()).dispatched()).isEqualTo(300);
    }

    private Path file() {
        return dir.resolve("checkpoint");
    }
}
