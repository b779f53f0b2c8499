package dev.bolide.ra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Payara Micro as a plain child process (not Arquillian's: the crash test kills it and starts it
 * again on the same root directory, so that its transaction log and the embedded broker's store
 * survive). Its console output goes to a log file, which is also how readiness is seen.
 */
final class PayaraMicroProcess implements AutoCloseable {
    /** Payara Micro prints this once its postboot commands ran and its applications are deployed. */
    private static final String READY = "ready in ";
    /** Generous: a start with a deployment takes 10 to 60 s on two shared cores. */
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;

    private PayaraMicroProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code microJar} in a JVM with {@code jvmOptions}, with {@code --nocluster} and
     * {@code options}, its output to {@code log}, and waits until it is ready.
     */
    static PayaraMicroProcess start(Path microJar, List<String> jvmOptions, List<String> options, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", microJar.toString(), "--nocluster"));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PayaraMicroProcess payara = new PayaraMicroProcess(process, log);
        payara.awaitReady();
        return payara;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (!log().contains(READY)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + ", see " + log);
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("Payara Micro not ready within " + START_PATIENCE + ", see " + log);
            }
            Thread.sleep(250);
        }
    }

    /** What the server printed so far. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.ISO_8859_1);
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux) to the server and any process it started, then waits for it. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
