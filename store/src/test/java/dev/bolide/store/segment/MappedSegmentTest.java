package dev.bolide.store.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.bolide.store.DiskUsage;
import java.nio.ByteBuffer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedSegmentTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void createsAZeroFilledFileOfTheGivenSizeWithNoTemporaryLeft() throws IOException {
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, 8192);

        assertThat(Files.size(dir.resolve("s"))).isEqualTo(8192);
        assertThat(Files.readAllBytes(dir.resolve("s"))).containsOnly(0);
        assertThat(MappedSegment.temporaryPath(dir.resolve("s"))).doesNotExist();
        segment.close();
    }

    @Test
    void aNewFileIsSparseBeyondItsFirstAllocationStep() throws IOException {
        int size = 256 * MIB;
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, size, Allocation.ON_DEMAND);

        assertThat(segment.allocatedPosition()).isEqualTo(4 * MIB);
        assertThat(DiskUsage.du(dir.resolve("s"))).isBetween(4L * MIB, 4L * MIB + 8192);
        segment.close();
    }

    @Test
    void aSparseFileTakesOnlyTheBlocksOfWhatWasWrittenThroughTheChannel() throws IOException {
        int size = 256 * MIB;
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, size, Allocation.SPARSE);
        assertThat(Files.size(dir.resolve("s"))).isEqualTo(size);
        assertThat(DiskUsage.du(dir.resolve("s"))).isLessThan(8192);

        segment.write(0, ByteBuffer.wrap(new byte[MIB]).put(MIB - 1, (byte) 9), MIB);

        assertThat(segment.buffer().get(MIB - 1)).as("read through the mapping").isEqualTo((byte) 9);
        assertThat(DiskUsage.du(dir.resolve("s"))).isBetween((long) MIB, MIB + 8192L);
        segment.close();
    }

    @Test
    void allocatesInStepsWithoutTouchingDataBelowTheAllocatedPosition() throws IOException {
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, 64 * MIB, Allocation.ON_DEMAND);
        segment.buffer().put(0, new byte[] {1, 2, 3});
        segment.limitAllocation(3);

        segment.allocate(MIB + 1);

        assertThat(segment.allocatedPosition()).isEqualTo(2 * MIB);
        assertThat(segment.buffer().get(2)).isEqualTo((byte) 3);
        assertThat(DiskUsage.du(dir.resolve("s"))).isBetween(2L * MIB, 2L * MIB + 8192);
        segment.close();
    }

    @Test
    void refusesToWriteBeyondTheAllocatedPosition() throws IOException {
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, 64 * MIB, Allocation.ON_DEMAND);

        assertThatIllegalStateException().isThrownBy(() -> segment.write(MIB - 1, ByteBuffer.allocate(2), 2))
                .withMessageContaining("beyond the allocated " + MIB);
        segment.close();
    }

    @Test
    void truncateHandsTheTailBackToAllocation() throws IOException {
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, 64 * MIB, Allocation.ON_DEMAND);
        segment.write(0, ByteBuffer.wrap(new byte[] {7, 7, 7}), 3);
        segment.setWritePosition(3);

        segment.truncate(1);

        assertThat(segment.allocatedPosition()).isEqualTo(1);
        assertThat(segment.buffer().get(0)).isEqualTo((byte) 7);
        assertThat(segment.buffer().get(1)).isZero();
        segment.close();
    }

    @Test
    void aFileAllocatedWholeIsAllocatedWholeAlsoWhenAnExtensionMadeItSparse() throws IOException {
        MappedSegment.create(dir.resolve("s"), 0, 4 * MIB).close();
        assertThat(DiskUsage.du(dir.resolve("s"))).isGreaterThanOrEqualTo(4L * MIB);
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("s").toFile(), "rw")) {
            file.setLength(MIB);
        }

        MappedSegment segment = MappedSegment.open(dir.resolve("s"), 0, 4 * MIB, true, Allocation.WHOLE);

        assertThat(segment.allocatedPosition()).isEqualTo(4 * MIB);
        assertThat(DiskUsage.du(dir.resolve("s"))).isGreaterThanOrEqualTo(4L * MIB);
        segment.close();
    }

    @Test
    void aDeletedSegmentStaysUntilItsLastReaderReleasesIt() throws IOException {
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, 4096);
        assertThat(segment.retain()).isTrue();

        segment.delete();
        assertThat(dir.resolve("s")).exists();
        segment.buffer().get(0);
        segment.release();

        assertThat(dir.resolve("s")).doesNotExist();
        assertThat(segment.retain()).isFalse();
    }

    @Test
    void truncateZeroesEverythingAfterThePosition() throws IOException {
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, 4096);
        segment.buffer().put(0, new byte[] {1, 2, 3, 4}).put(4000, (byte) 9);
        segment.setWritePosition(4);

        segment.truncate(2);

        assertThat(segment.writePosition()).isEqualTo(2);
        assertThat(segment.buffer().get(1)).isEqualTo((byte) 2);
        assertThat(segment.buffer().get(2)).isZero();
        assertThat(segment.buffer().get(4000)).isZero();
        segment.close();
    }

    @Test
    void flushForcesOnlyWhatWasWrittenSinceTheLastFlush() throws IOException {
        MappedSegment segment = MappedSegment.create(dir.resolve("s"), 0, 4096);
        segment.buffer().put(0, (byte) 1);
        segment.setWritePosition(100);

        assertThat(segment.flush()).isEqualTo(100);
        assertThat(segment.flushedPosition()).isEqualTo(100);
        segment.close();
        assertThat(Files.readAllBytes(dir.resolve("s"))[0]).isEqualTo((byte) 1);
    }

    @Test
    void refusesToOpenAFileOfAnotherSize() throws IOException {
        MappedSegment.create(dir.resolve("s"), 0, 4096).close();

        assertThatIOException().isThrownBy(() -> MappedSegment.open(dir.resolve("s"), 0, 8192))
                .withMessageContaining("has 4096 bytes, expected 8192");
    }
}
