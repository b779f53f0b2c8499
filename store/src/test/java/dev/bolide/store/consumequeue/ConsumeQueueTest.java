package dev.bolide.store.consumequeue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTest {
    private static final int UNITS_PER_SEGMENT = 10;

    @TempDir
    Path dir;
    ConsumeQueue queue;

    @BeforeEach
    void open() throws IOException {
        queue = ConsumeQueue.open(dir, "t", 0, UNITS_PER_SEGMENT * ConsumeQueue.UNIT);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    /** Unit n points at CommitLog offset 100 * n, size 100, tag n. */
    private void fill(long from, long to) {
        for (long n = from; n < to; n++) {
            queue.put(n, 100 * n, 100, n);
        }
    }

    private List<Long> physicalOffsets(long from, int max) {
        List<Long> offsets = new ArrayList<>();
        queue.read(from, max, (queueOffset, physicalOffset, size, tags) -> offsets.add(physicalOffset));
        return offsets;
    }

    @Test
    void readsUnitsAcrossSegmentBoundaries() {
        fill(0, 25);

        assertThat(queue.maxOffset()).isEqualTo(25);
        assertThat(physicalOffsets(8, 5)).containsExactly(800L, 900L, 1000L, 1100L, 1200L);
        assertThat(physicalOffsets(20, 100)).hasSize(5);
    }

    @Test
    void aUnitThatIsAlreadyThereIsNotWrittenAgain() {
        fill(0, 3);

        queue.put(1, 999_999, 1, 1);

        assertThat(physicalOffsets(0, 3)).containsExactly(0L, 100L, 200L);
    }

    @Test
    void aGapIsFilledWithUnitsThatReadersSkip() {
        fill(0, 2);

        queue.put(5, 500, 100, 5);

        assertThat(queue.maxOffset()).isEqualTo(6);
        assertThat(physicalOffsets(0, 10)).containsExactly(0L, 100L, 500L);
    }

    @Test
    void deletesWholeSegmentsBelowTheCommitLogMinimumButNeverTheLast() {
        fill(0, 25);

        assertThat(queue.deleteSegmentsBelow(1500)).isEqualTo(1);
        assertThat(queue.minOffset()).isEqualTo(15);
        assertThat(queue.deleteSegmentsBelow(1_000_000)).isEqualTo(1);
        assertThat(queue.maxOffset()).isEqualTo(25);
        assertThat(queue.minOffset()).isEqualTo(25);
    }

    @Test
    void recoveryCutsTheTailBackToTheLastUnitTheCommitLogConfirms() {
        fill(0, 25);

        queue.recover(1700, (physicalOffset, size, topic, queueId, queueOffset) -> physicalOffset < 1500);

        assertThat(queue.maxOffset()).isEqualTo(15);
        assertThat(physicalOffsets(0, 100)).hasSize(15);
    }

    @Test
    void recoveryCutsUnitsOfRecordsAtOrPastTheLimit() {
        fill(0, 25);

        queue.recover(1700, (physicalOffset, size, topic, queueId, queueOffset) -> true);

        assertThat(queue.maxOffset()).isEqualTo(17);
    }

    @Test
    void findsTheOffsetWhoseTimeIsClosest() {
        fill(0, 10);

        assertThat(queue.offsetByTime(420, physicalOffset -> physicalOffset)).isEqualTo(4);
        assertThat(queue.offsetByTime(470, physicalOffset -> physicalOffset)).isEqualTo(5);
        assertThat(queue.offsetByTime(-5, physicalOffset -> physicalOffset)).isZero();
        assertThat(queue.offsetByTime(5000, physicalOffset -> physicalOffset)).isEqualTo(9);
    }
}
