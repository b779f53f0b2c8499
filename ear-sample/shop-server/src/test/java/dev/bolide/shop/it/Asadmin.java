package dev.bolide.shop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Payara's {@code asadmin} of the build's server, talking to the test domain. */
public final class Asadmin {

    private final Path executable;
    private final int adminPort;

    private Asadmin(Path executable, int adminPort) {
        this.executable = executable;
        this.adminPort = adminPort;
    }

    public static Asadmin fromBuild() {
        String payara = System.getProperty("shop.payara", "target/payara6");
        return new Asadmin(Path.of(payara, "bin", "asadmin"), PayaraPorts.fromBuild().admin());
    }

    /** What a command printed, and whether it succeeded. */
    public record Outcome(boolean succeeded, String output) {
    }

    /** Runs a remote command and returns what it printed; a failed command fails with its output. */
    public String run(String... command) {
        Outcome outcome = attempt(command);
        if (!outcome.succeeded()) {
            throw new AssertionError("asadmin " + String.join(" ", command) + " failed:\n" + outcome.output());
        }
        return outcome.output();
    }

    /** Runs a remote command that may fail. */
    public Outcome attempt(String... command) {
        List<String> line = new ArrayList<>(List.of(executable.toString(), "--host", "localhost",
                "--port", String.valueOf(adminPort)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", line) + " did not end within 2 minutes:\n" + output);
            }
            return new Outcome(process.exitValue() == 0, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for asadmin", e);
        }
    }
}
