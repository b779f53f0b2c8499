package dev.bolide.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A java process started by the harness, its standard output and error going to one file, which
 * is also how the harness learns that the process is ready: it waits for a line the program
 * prints once it serves.
 */
final class ChildJvm {
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path output;

    private ChildJvm(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /** @param arguments the JVM options, then the main class or {@code -jar}, then the program's arguments */
    static ChildJvm start(String name, List<String> arguments, Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        return new ChildJvm(name, process, output);
    }

    /** Waits until the output contains {@code marker}; fails with the output if the process dies or time runs out. */
    void awaitOutput(String marker, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!outputText().contains(marker)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(name + (process.isAlive() ? " did not print '" + marker + "' in "
                        + timeout.toSeconds() + " s" : " exited with " + process.exitValue()) + "; its output:\n"
                        + outputText());
            }
            Thread.sleep(100);
        }
    }

    private String outputText() throws IOException {
        // not Files.readString: the last character may be half written, which it would reject
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }

    /** User plus system CPU the process has used so far ({@link ProcessCpu}). */
    long cpuNanos() {
        return ProcessCpu.nanos(process.pid());
    }

    /** SIGTERM, so that the broker shuts down as in production; SIGKILL if it takes too long. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            System.err.println(name + " did not stop within " + STOP_GRACE.toSeconds() + " s; killing it");
            kill();
        }
    }

    /** SIGKILL, for a harness that is itself being stopped or interrupted: no time for a clean shutdown. */
    void kill() {
        process.destroyForcibly();
        // the JVM's exit, which follows SIGKILL at once, frees its ports and files
        process.onExit().join();
    }
}
