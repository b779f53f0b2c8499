package dev.bolide.shop.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server's command-line administration tool run once (asadmin, jboss-cli): what it printed, or a failure with it. */
final class AdminCommand {

    /** What a command printed, and whether it succeeded. */
    record Outcome(boolean succeeded, String output) {
    }

    private AdminCommand() {
    }

    /** Runs a command that must succeed and returns what it printed. */
    static String run(List<String> line) {
        Outcome outcome = attempt(line);
        if (!outcome.succeeded()) {
            throw new AssertionError(String.join(" ", line) + " failed:\n" + outcome.output());
        }
        return outcome.output();
    }

    /** Runs a command that may fail; one that has not ended within 2 minutes fails the test. */
    static Outcome attempt(List<String> line) {
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
            throw new IllegalStateException("interrupted waiting for " + line.get(0), e);
        }
    }
}
