package dev.bolide.bench.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends and CommitLog forces of the trials of one store benchmark run; their quotient is the
 * average group-commit batch size. JMH runs each trial in a forked JVM, so the trial hands its
 * counts to the harness through a file in the bench directory: one line per trial (one per fork),
 * summed when read.
 *
 * @param flushTimeouts appends answered {@code FLUSH_DISK_TIMEOUT}: any at all means the disk did
 *                      not keep up and the SYNC_FLUSH numbers are not what a client would see
 */
record GroupCommitCounts(long appends, long forces, long flushTimeouts) {

    /** The file of the runs with these parameters; the harness runs them one thread count at a time. */
    static Path file(String flushDiskType, int messageSize) {
        return BenchDirectory.root().resolve("group-commit-" + flushDiskType + "-" + messageSize + ".txt");
    }

    /** Messages per force; 0 when nothing was forced. */
    double batchSize() {
        return forces == 0 ? 0 : (double) appends / forces;
    }

    void appendTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, appends + " " + forces + " " + flushTimeouts + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Sums the lines of the file and deletes it, so the next run starts from nothing. */
    static GroupCommitCounts readAndDelete(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no group-commit counts in " + file + ": did the trial tear down?");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        Files.delete(file);
        long appends = 0;
        long forces = 0;
        long flushTimeouts = 0;
        for (String line : lines) {
            String[] fields = line.trim().split(" ");
            appends += Long.parseLong(fields[0]);
            forces += Long.parseLong(fields[1]);
            flushTimeouts += Long.parseLong(fields[2]);
        }
        return new GroupCommitCounts(appends, forces, flushTimeouts);
    }
}
