package dev.bolide.client.jms.xa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A JVM started from this test classpath running a {@code main} of the tests, its output in a file,
 * that a test can kill as {@code kill -9} does (SIGKILL: nothing closed, no shutdown hook).
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ChildJvm start(Path directory, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(directory, main.getSimpleName(), ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildJvm(process, output);
    }

    /** Waits until the child printed {@code text}; fails with its output when it ends first. */
    public void awaitOutput(String text) {
        Awaitility.await(text).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> output().contains(text) || !process.isAlive());
        if (!output().contains(text)) {
            throw new IllegalStateException(text + " never came; output:\n" + output());
        }
    }

    /** Waits for the child to end on its own, and fails with its output unless it exits with 0. */
    public void awaitSuccess() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(process.isAlive() ? "still running" : "exit " + process.exitValue()
                    + ", output:\n" + output());
        }
    }

    public void killNine() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM outlived SIGKILL");
        }
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killNine();
        }
    }
}
