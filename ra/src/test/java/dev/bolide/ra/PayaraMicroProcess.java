package dev.bolide.ra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Payara Micro as a plain child process (see {@link ServerProcess}). */
final class PayaraMicroProcess {
    /** Payara Micro prints this once its postboot commands ran and its applications are deployed. */
    private static final String READY = "ready in ";

    private PayaraMicroProcess() {
    }

    /**
     * Starts {@code microJar} in a JVM with {@code jvmOptions}, with {@code --nocluster} and
     * {@code options}, its output to {@code log}, and waits until it is ready.
     */
    static ServerProcess start(Path microJar, List<String> jvmOptions, List<String> options, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", microJar.toString(), "--nocluster"));
        command.addAll(options);
        return ServerProcess.start(new ProcessBuilder(command), log, READY, null);
    }
}
