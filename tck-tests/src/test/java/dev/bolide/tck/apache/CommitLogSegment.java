package dev.bolide.tck.apache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The first CommitLog segment of a store, as the replication judges compare it between two brokers. */
final class CommitLogSegment {
    private CommitLogSegment() {
    }

    static Path first(Path storeDirectory) {
        return storeDirectory.resolve("commitlog").resolve("00000000000000000000");
    }

    /** Its bytes up to its last non-zero byte: what was written into the zero-filled file. */
    static byte[] written(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }
}
