package dev.bolide.ra;

import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Bolide broker that the adapter's {@code REMOTE} activation in the in-container tests' WildFly
 * points at (src/it/wildfly/configure.cli): a process of its own, the built {@code bolide-broker.jar}
 * started as a user would, with its name server on the port the build reserved and gave WildFly
 * ({@code bolide.it.remoteNameServerPort}). One per test JVM, stopped when that JVM ends.
 */
final class RemoteBroker {
    private static final Path DIRECTORY = Path.of(System.getProperty("it.directory"), "remote-broker");
    private static ServerProcess running;

    private RemoteBroker() {
    }

    /** Starts the broker unless it runs, and waits until it serves. */
    static synchronized void ensureRunning() {
        if (running != null) {
            return;
        }
        try {
            running = ServerProcess.start(command(), DIRECTORY.resolve("broker.out"), "started", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ServerProcess started = running;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    /** Set for WildFly by the build: the port it reserved for this broker's name server. */
    static String nameServer() {
        return "127.0.0.1:" + System.getProperty("bolide.it.remoteNameServerPort");
    }

    private static ProcessBuilder command() throws IOException {
        // a fresh store for each JVM: a branch an earlier run left prepared would be counted as this run's
        HangingTransaction.emptyDirectory(DIRECTORY);
        Path conf = Files.writeString(DIRECTORY.resolve("broker.conf"), String.join("\n",
                "brokerIP1 = 127.0.0.1",
                "listenPort = " + FreePorts.freeBrokerPort(),
                "namesrvListenPort = " + System.getProperty("bolide.it.remoteNameServerPort"),
                "consoleListenPort = -1",
                "storePathRootDir = " + DIRECTORY.resolve("store"),
                "mapedFileSizeCommitLog = 8388608", ""));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dbolide.log.dir=" + DIRECTORY.resolve("logs"), "-jar", System.getProperty("bolide.broker.jar"),
                "-c", conf.toString());
    }
}
