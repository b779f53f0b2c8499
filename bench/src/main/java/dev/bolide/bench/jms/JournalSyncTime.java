package dev.bolide.bench.jms;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rule by which {@code artemis perf-journal} sets {@code journal-buffer-timeout} for a disk:
 * write 4 KiB blocks, each synced to disk (NIO's {@code force(false)}) before the next, 250 to a
 * try, five tries into a file filled beforehand; the timeout is the best try's time per write, the
 * time the disk takes for one sync. Artemis's own command lives in its CLI, which the harness does
 * not ship, so the harness measures by the same rule on the journal's own directory.
 */
final class JournalSyncTime {
    private static final int BLOCK_SIZE = 4096;
    private static final int WRITES = 250;
    private static final int TRIES = 5;

    private JournalSyncTime() {
    }

    /** Nanoseconds of one synced write in {@code directory}, the journal's buffer timeout by that rule. */
    static long measure(Path directory) throws IOException {
        Path file = Files.createDirectories(directory).resolve("perf-journal.tmp");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(BLOCK_SIZE * WRITES), 0);
            channel.force(true);
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_SIZE);
            long best = Long.MAX_VALUE;
            for (int attempt = 0; attempt < TRIES; attempt++) {
                long started = System.nanoTime();
                for (int i = 0; i < WRITES; i++) {
                    block.clear();
                    channel.write(block, (long) i * BLOCK_SIZE);
                    channel.force(false);
                }
                best = Math.min(best, System.nanoTime() - started);
            }
            return best / WRITES;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
