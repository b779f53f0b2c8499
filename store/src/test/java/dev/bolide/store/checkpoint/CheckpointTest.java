package dev.bolide.store.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.store.index.IndexPosition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileMeansNoCheckpoint() throws IOException {
        assertThat(Checkpoint.read(dir.resolve("checkpoint"))).isEqualTo(Checkpoint.NONE);
    }

    @Test
    void readsBackTheLatestWrite() throws IOException {
        Path file = dir.resolve("checkpoint");
        Checkpoint first = Checkpoint.NONE.next(100, 90, new IndexPosition(20261125000000000L, 7));
        first.write(file);
        Checkpoint second = first.next(200, 180, new IndexPosition(20261125000000000L, 12));
        second.write(file);

        assertThat(Checkpoint.read(file)).isEqualTo(second);
    }

    @Test
    void aTornLatestCopyFallsBackToThePreviousOne() throws IOException {
        Path file = dir.resolve("checkpoint");
        Checkpoint first = Checkpoint.NONE.next(100, 90, IndexPosition.NONE);
        first.write(file);
        Checkpoint second = first.next(200, 180, IndexPosition.NONE);
        second.write(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x55}), 0);
        }

        assertThat(Checkpoint.read(file)).isEqualTo(first);
    }
}
