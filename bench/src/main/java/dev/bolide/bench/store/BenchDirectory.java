package dev.bolide.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directory the benchmarks write to: {@code -Dbolide.bench.dir}, by default
 * {@code target/bench-data} relative to the working directory. It must be on the disk under
 * test, and the store and its raw-write baseline must share it, or their ratio means nothing.
 * Every trial works in a fresh sub-directory that it deletes afterwards, because one trial
 * leaves gigabytes behind.
 */
final class BenchDirectory {
    static final String PROPERTY = "bolide.bench.dir";

    private BenchDirectory() {
    }

    static Path root() {
        return Path.of(System.getProperty(PROPERTY, "target/bench-data")).toAbsolutePath();
    }

    /** A new empty directory for one trial, so that no trial ever sees another's files. */
    static Path createTrialDirectory(String prefix) throws IOException {
        Files.createDirectories(root());
        return Files.createTempDirectory(root(), prefix);
    }

    /** Deletes a trial directory and everything in it. */
    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Removes the root once the benchmarks are done, unless something else still lives there. */
    static void deleteRootIfEmpty() throws IOException {
        try {
            Files.deleteIfExists(root());
        } catch (DirectoryNotEmptyException e) {
            // not ours to delete: another run or a file the user put there
        }
    }
}
