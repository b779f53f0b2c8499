package dev.bolide.broker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a real process: started from a broker.conf, stopped by SIGTERM. */
class BrokerLauncherTest {
    @TempDir
    Path dir;

    @Test
    void sigtermShutsTheStoreDownCleanly() throws Exception {
        Path store = dir.resolve("store");
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, "storePathRootDir = " + store + "\nmapedFileSizeCommitLog = 1048576\n"
                + "maxMessageSize = 65536\nbrokerIP1 = 127.0.0.1\nlistenPort = 0\nnamesrvListenPort = 0\nconsoleListenPort = -1\nbrokerName = broker-a\n"
                + "filterDataCleanTimeSpan = 86400000\n");
        Path output = dir.resolve("out.txt");
        Process broker = start(conf, output);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(output).contains("store open"));
        assertThat(store.resolve("abort")).exists();

        broker.destroy();

        assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(output)).contains("closed cleanly");
        assertThat(store.resolve("abort")).doesNotExist();
        assertThat(Files.readString(output)).contains("'filterDataCleanTimeSpan' is not used");
    }

    @Test
    void aBadConfigurationStopsTheLauncherWithTheKeyNamed() throws Exception {
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, "storePathRootDir = " + dir.resolve("store") + "\nflushDiskType = SOMETIMES\n");

        Path output = dir.resolve("out.txt");
        Process broker = start(conf, output);

        assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(broker.exitValue()).isNotZero();
        // a log line, on the console's stdout as every log line of the broker process
        assertThat(Files.readString(output)).contains("mqbroker did not start").contains("flushDiskType");
    }

    @Test
    void aclEnableWithAMalformedAclFileStopsTheLauncherWithOneLineNamingFileAndLine() throws Exception {
        Path acl = Files.writeString(dir.resolve("plain_acl.yml"), "accounts:\n  - accessKey: [RocketMQ\n");
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, "storePathRootDir = " + dir.resolve("store") + "\nlistenPort = 0\nnamesrvListenPort = 0\nconsoleListenPort = -1\n"
                + "aclEnable = true\naclConfigFile = " + acl + "\n");

        Process broker = start(conf, dir.resolve("out.txt"));

        assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(broker.exitValue()).isNotZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("out.txt")));
        lines.addAll(Files.readAllLines(dir.resolve("err.txt")));
        assertThat(lines).as("one line, no stack trace").filteredOn(line -> line.contains(acl.toString()))
                .singleElement().asString().contains("did not start: aclEnable = true, but " + acl + ", line 3: ");
        assertThat(lines).noneMatch(line -> line.startsWith("\tat "));
        assertThat(dir.resolve("store")).as("refused before the store is opened").doesNotExist();
    }

    @Test
    void printingTheSettingsCreatesNoLogFileAsAFailedStartDoes() throws Exception {
        Path logs = dir.resolve("logs");
        // the process's configuration, not the tests' console-only one
        String logFiles = "-Dlogback.configurationFile=logback.xml";
        Process printing = launch(dir.resolve("out.txt"), logFiles, "-Dbolide.log.dir=" + logs, "-p");
        assertThat(printing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(printing.exitValue()).isZero();
        assertThat(dir.resolve("out.txt")).content().contains("listenPort=");
        assertThat(logs).doesNotExist();

        Process failing = launch(dir.resolve("out.txt"), logFiles, "-Dbolide.log.dir=" + logs, "-c",
                dir.resolve("none").toString());

        assertThat(failing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(logs.resolve("broker.log")).content().contains("did not start");
    }

    private Process start(Path conf, Path output) throws IOException {
        return launch(output, "-c", conf.toString());
    }

    /** The launcher with {@code arguments}: JVM options ({@code -D...}) first, then the launcher's. */
    private Process launch(Path output, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        List<String> launcherArguments = new ArrayList<>();
        for (String argument : arguments) {
            (argument.startsWith("-D") ? command : launcherArguments).add(argument);
        }
        command.add(BrokerLauncher.class.getName());
        command.addAll(launcherArguments);
        return new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }
}
