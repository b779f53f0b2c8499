package dev.bolide.store.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentSequenceTest {
    private static final int SIZE = 4096;

    @TempDir
    Path dir;

    private void createSegments(int count) throws IOException {
        try (SegmentSequence sequence = SegmentSequence.open(dir, SIZE, false)) {
            for (int i = 0; i < count; i++) {
                sequence.createNextSegment();
            }
        }
    }

    @Test
    void namesSegmentsByTheirStartOffsetIn20Digits() throws IOException {
        createSegments(2);

        assertThat(dir.resolve("00000000000000000000")).exists();
        assertThat(dir.resolve("00000000000000004096")).exists();
    }

    @Test
    void findsTheSegmentHoldingAnOffset() throws IOException {
        createSegments(3);

        try (SegmentSequence sequence = SegmentSequence.open(dir, SIZE, false)) {
            assertThat(sequence.segmentAt(0).startOffset()).isZero();
            assertThat(sequence.segmentAt(SIZE + 5).startOffset()).isEqualTo(SIZE);
            assertThat(sequence.segmentAt(3L * SIZE - 1).startOffset()).isEqualTo(2L * SIZE);
            assertThat(sequence.segmentAt(3L * SIZE)).isNull();
        }
    }

    @Test
    void refusesToOpenWithASegmentMissingInTheMiddle() throws IOException {
        createSegments(3);
        Files.delete(dir.resolve(SegmentSequence.fileName(SIZE)));

        assertThatIOException().isThrownBy(() -> SegmentSequence.open(dir, SIZE, false))
                .withMessageContaining("a segment is missing");
    }

    @Test
    void deletesSegmentsACrashLeftUnfinished() throws IOException {
        createSegments(1);
        Files.write(dir.resolve(SegmentSequence.fileName(SIZE) + ".tmp"), new byte[100]);

        try (SegmentSequence sequence = SegmentSequence.open(dir, SIZE, false)) {
            assertThat(sequence.segments()).hasSize(1);
        }
        assertThat(dir.resolve(SegmentSequence.fileName(SIZE) + ".tmp")).doesNotExist();
    }

    @Test
    void truncateDeletesLaterSegmentsAndCutsTheOneHoldingTheOffset() throws IOException {
        createSegments(3);

        try (SegmentSequence sequence = SegmentSequence.open(dir, SIZE, false)) {
            sequence.truncate(SIZE + 100);

            assertThat(sequence.segments()).hasSize(2);
            assertThat(sequence.maxOffset(0)).isEqualTo(SIZE + 100);
        }
        assertThat(dir.resolve(SegmentSequence.fileName(2 * SIZE))).doesNotExist();
    }

    @Test
    void preparesTheNextSegmentAsSoonAsTheLastIsBegun() throws IOException {
        try (SegmentSequence sequence = SegmentSequence.open(dir, SIZE, true)) {
            sequence.createNextSegment();
            sequence.prepareAhead();
            org.awaitility.Awaitility.await().until(() -> Files.exists(dir.resolve(SegmentSequence.fileName(SIZE))));

            assertThat(sequence.createNextSegment().startOffset()).isEqualTo(SIZE);
            sequence.prepareAhead();
            org.awaitility.Awaitility.await().until(() -> Files.exists(dir.resolve(SegmentSequence.fileName(2 * SIZE))));
        }
        assertThat(dir.resolve(SegmentSequence.fileName(2 * SIZE))).as("unused spare removed on close").doesNotExist();
    }
}
