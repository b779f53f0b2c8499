package dev.bolide.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves a file open or mapped once its {@code @AfterAll} methods have run:
 * every store, segment, index and metadata file the class opened must be closed and unmapped by
 * closing what it opened. Read from Linux's {@code /proc/self/fd} and {@code /proc/self/maps}
 * (elsewhere the check passes unchecked); files the JVM itself opens (jars, libraries, the JDK)
 * and log files, which a logging library keeps open for the process, are not the tests' and are
 * ignored.
 */
public final class NoFileLeaks implements BeforeAllCallback, AfterAllCallback {
    private static final Path FILE_DESCRIPTORS = Path.of("/proc/self/fd");
    private static final Path MAPPINGS = Path.of("/proc/self/maps");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoFileLeaks.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getRequiredTestClass(), openFiles());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<String> before = (Set<String>) context.getStore(NAMESPACE).get(context.getRequiredTestClass());
        // a mapping is released by the closing thread, a descriptor by a background thread ending
        Awaitility.await("files of " + context.getRequiredTestClass().getSimpleName() + " closed and unmapped")
                .atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                    Set<String> leaked = openFiles();
                    leaked.removeAll(before);
                    assertThat(leaked).isEmpty();
                });
    }

    /** The regular files this process has open or mapped now, tagged with how. */
    static Set<String> openFiles() {
        Set<String> files = new TreeSet<>();
        if (!Files.isDirectory(FILE_DESCRIPTORS)) {
            return files;
        }
        try (Stream<Path> descriptors = Files.list(FILE_DESCRIPTORS)) {
            descriptors.forEach(fd -> target(fd).filter(NoFileLeaks::isTestsFile).ifPresent(f -> files.add("open " + f)));
            for (String line : Files.readAllLines(MAPPINGS)) {
                int path = line.indexOf('/');
                if (path > 0 && isTestsFile(line.substring(path))) {
                    files.add("mapped " + line.substring(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Optional<String> target(Path descriptor) {
        try {
            return Optional.of(Files.readSymbolicLink(descriptor).toString());
        } catch (IOException closedMeanwhile) {
            return Optional.empty();
        }
    }

    private static boolean isTestsFile(String path) {
        return path.startsWith("/") && !path.startsWith("/proc/") && !path.startsWith("/sys/")
                && !path.startsWith("/dev/") && !path.startsWith(System.getProperty("java.home"))
                && !path.endsWith(".jar") && !path.endsWith(".so") && !path.contains(".so.")
                // log files stay open for the process once a library logs (rocketmq-client's own)
                && !path.endsWith(".log")
                && !path.contains("/surefire");
    }
}
