package dev.bolide.tck.ondisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remakes the checked-in fixture {@link BolideStoreFixture}: Bolide's broker jar writes the sample,
 * stops cleanly, and its store, the manifest of what was sent and the metadata the broker answered
 * replace {@code tck-tests/src/test/ondisk/<version>}. Not a test that runs by default (its name
 * is outside surefire's patterns): run it by name when {@link BolideStoreFixtureTest} says that a
 * remake is legitimate,
 * {@code mvn -B -pl tck-tests -am verify -Dtest=RemakeBolideStoreFixture -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
class RemakeBolideStoreFixture {
    /** What the repository accepts as a checked-in binary fixture. */
    private static final long MAX_BYTES = 200 * 1024;

    @TempDir
    Path directory;

    @Test
    void remake() throws Exception {
        Path store = directory.resolve("store");
        BolideStoreFixture.Written written = BolideStoreFixture.write(directory, store);
        Path fixture = BolideStoreFixture.directory();
        replace(store, fixture.resolve("store"));
        BolideStoreFixture.writeManifest(fixture, written.sent());
        BolideStoreFixture.writeMetadata(fixture, written.metadata());

        assertThat(sizeOf(fixture)).as("bytes in " + fixture).isLessThan(MAX_BYTES);
    }

    private static void replace(Path store, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path file : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        BolideStoreFixture.copyStore(store, target);
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
