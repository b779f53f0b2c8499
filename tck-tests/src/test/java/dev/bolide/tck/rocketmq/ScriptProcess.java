package dev.bolide.tck.rocketmq;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the checkout's {@code bin/} scripts run as an operator runs it, with its output (both
 * streams) in a file of the test's directory, its logs there too ({@code -Dbolide.log.dir}) and,
 * for the servers, its process id in {@code NAME.pid} ({@code BOLIDE_PID_FILE}).
 */
public final class ScriptProcess implements AutoCloseable {
    private static final Path BIN = Path.of(System.getProperty("bolide.repository"), "bin");

    private final Process process;
    private final Path output;

    private ScriptProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code bin/script args}, named {@code name} in the test's directory. */
    public static ScriptProcess start(Path directory, String name, String script, String... args) throws IOException {
        return startWithJavaOptions(directory, name, script, "", args);
    }

    /** As {@link #start}, with {@code javaOptions} (-D properties, say) added to JAVA_OPTS. */
    static ScriptProcess startWithJavaOptions(Path directory, String name, String script, String javaOptions,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(BIN.resolve(script).toString()));
        command.addAll(List.of(args));
        Path output = directory.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx256m -Dbolide.log.dir=" + logDirectory(directory) + " "
                + javaOptions);
        builder.environment().put("BOLIDE_PID_FILE", pidFile(directory, name).toString());
        return new ScriptProcess(builder.start(), output);
    }

    public static Path logDirectory(Path directory) {
        return directory.resolve("logs");
    }

    static Path pidFile(Path directory, String name) {
        return directory.resolve(name + ".pid");
    }

    /** Runs {@code bin/script args} to its end. */
    static ScriptProcess run(Path directory, String name, String script, String... args) throws Exception {
        ScriptProcess finished = start(directory, name, script, args);
        if (!finished.process.waitFor(2, TimeUnit.MINUTES)) {
            finished.process.destroyForcibly();
            throw new IllegalStateException(script + " did not end:\n" + finished.output());
        }
        return finished;
    }

    /** Waits until the server says it started. */
    ScriptProcess awaitStarted() throws IOException {
        await("started").atMost(Duration.ofSeconds(60))
                .until(() -> output().contains("started") || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("it did not start:\n" + output());
        }
        return this;
    }

    boolean endsWithin(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Kills what a failed test left running. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
