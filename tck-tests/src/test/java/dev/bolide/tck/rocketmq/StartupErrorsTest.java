package dev.bolide.tck.rocketmq;

import static dev.bolide.testsupport.FreePorts.freeBrokerPort;
import static dev.bolide.testsupport.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that cannot start says why in one line that names what to fix, exits with status 1 and
 * prints no stack trace: the launched {@code bolide-broker.jar}, as an operator starts it.
 */
class StartupErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingConfigurationFileIsNamed() throws Exception {
        Failure failure = start(dir.resolve("nowhere.conf"));

        assertThat(failure.line()).endsWith("nowhere.conf: no such configuration file (-c)");
    }

    @Test
    void aConfigurationFileThatCannotBeReadIsNamed() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("broker.conf.d"));

        Failure failure = start(notAFile);

        assertThat(failure.line()).endsWith(notAFile + ": cannot read the configuration file (-c): Is a directory");
    }

    @Test
    void aValueThatDoesNotParseNamesTheKeyTheValueAndWhatWasExpected() throws Exception {
        Failure failure = start(conf("listenPort = abc"));

        assertThat(failure.line()).endsWith("listenPort = 'abc': not a whole number (expected: port)");
    }

    @Test
    void aPortInUseIsNamedWithItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Failure failure = start(conf("listenPort = " + taken.getLocalPort()));

            assertThat(failure.line()).contains("port " + taken.getLocalPort() + " (listenPort)").contains("in use");
        }
    }

    @Test
    void aConsolePortInUseIsNamedWithItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Failure failure = start(conf("consoleListenPort = " + taken.getLocalPort()));

            assertThat(failure.line()).contains("port " + taken.getLocalPort() + " (consoleListenPort)")
                    .contains("in use");
        }
    }

    @Test
    void aTakenHaPortIsNamedWithItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Failure failure = start(conf("haListenPort = " + taken.getLocalPort()));

            assertThat(failure.line()).contains("port " + taken.getLocalPort() + " (haListenPort)").contains("in use");
        }
    }

    @Test
    void aStoreHeldByAnotherBrokerIsRefused() throws Exception {
        Path store = dir.resolve("store");
        try (BrokerProcess running = BrokerProcess.start(Files.createDirectories(dir.resolve("running")),
                "storePathRootDir = " + store)) {
            Failure failure = start(conf("storePathRootDir = " + store));

            assertThat(failure.line()).contains(store.toString()).contains("in use");
        }
    }

    @Test
    void anEnforcingBrokerWithoutItsKeyFileNamesTheFile() throws Exception {
        Path certificate = Files.writeString(dir.resolve("broker.pem"), "not read: the key is missing first");
        Path key = dir.resolve("broker.key");

        Failure failure = start(conf("tls.server.mode = enforcing\ntls.server.certPath = " + certificate
                + "\ntls.server.keyPath = " + key));

        assertThat(failure.line()).endsWith("tls.server.mode = enforcing, but tls.server.keyPath = " + key
                + ": no such file; the server does not start without the TLS it was asked for");
        assertThat(dir.resolve("own-store")).doesNotExist();
    }

    /** A small broker's configuration on free ports, {@code line} last so that it wins. */
    private Path conf(String line) throws IOException {
        return Files.writeString(dir.resolve("broker.conf"), String.join("\n", "brokerIP1 = 127.0.0.1",
                "namesrvListenPort = " + freePort(), "listenPort = " + freeBrokerPort(), "consoleListenPort = -1",
                "storePathRootDir = " + dir.resolve("own-store"), "mapedFileSizeCommitLog = 1048576",
                "maxMessageSize = 65536", "maxHashSlotNum = 1024", "maxIndexNum = 4096", line, ""));
    }

    /** What the broker printed before it exited, and that it exited with status 1 and no stack trace. */
    private record Failure(String line) {
    }

    private Failure start(Path conf) throws Exception {
        Path output = dir.resolve("output.txt");
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dbolide.log.dir=" + dir.resolve("logs"), "-jar", System.getProperty("bolide.broker.jar"),
                "-c", conf.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(broker.waitFor(60, TimeUnit.SECONDS)).as("the broker exited").isTrue();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(broker.exitValue()).as(String.join("\n", lines)).isEqualTo(1);
        assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        return new Failure(lines.stream().filter(line -> line.contains("did not start")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'did not start' line in:\n" + String.join("\n", lines))));
    }
}
