package dev.bolide.tck.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.testsupport.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocketMQ's scripts as an operator runs them: {@code bin/mqnamesrv} and {@code bin/mqbroker -n},
 * the real mqadmin 4.9.8 ({@code bin/mqadmin}) seeing the broker, {@code bin/mqshutdown} stopping
 * them cleanly, and only the processes it is told to (other tests' brokers run on this machine).
 */
class RocketMqScriptsTest {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ScriptProcess startNameServer(String name, int port) throws Exception {
        Path conf = Files.writeString(dir.resolve(name + ".conf"), "listenPort = " + port + "\n");
        return ScriptProcess.start(dir, name, "mqnamesrv", "-c", conf.toString()).awaitStarted();
    }

    private ScriptProcess startBroker(int nameServerPort) throws Exception {
        Path conf = Files.writeString(dir.resolve("broker.conf"), String.join("\n",
                "brokerClusterName = ScriptCluster",
                "brokerName = script-broker",
                "brokerIP1 = 127.0.0.1",
                "listenPort = " + FreePorts.freeBrokerPort(),
                "consoleListenPort = -1",
                "storePathRootDir = " + dir.resolve("store"),
                "mapedFileSizeCommitLog = 4194304",
                "maxMessageSize = 65536",
                "maxHashSlotNum = 1024",
                "maxIndexNum = 4096", ""));
        return ScriptProcess.start(dir, "broker", "mqbroker", "-n", "127.0.0.1:" + nameServerPort,
                "-c", conf.toString()).awaitStarted();
    }

    private ScriptProcess shutdown(String kind, String name) throws Exception {
        return ScriptProcess.run(dir, "mqshutdown-" + name, "mqshutdown", kind, "-f",
                ScriptProcess.pidFile(dir, name).toString());
    }

    @Test
    void mqadminListsTheBrokerThatMqbrokerRegisteredWithMqnamesrvAndMqshutdownStopsBoth() throws Exception {
        int nameServerPort = FreePorts.freePort();
        try (ScriptProcess nameServer = startNameServer("namesrv", nameServerPort);
                ScriptProcess broker = startBroker(nameServerPort)) {
            ScriptProcess clusterList = ScriptProcess.run(dir, "mqadmin", "mqadmin", "clusterList", "-n",
                    "127.0.0.1:" + nameServerPort);

            assertThat(clusterList.output()).contains("ScriptCluster").contains("script-broker");
            assertThat(shutdown("broker", "broker").exitValue()).isZero();
            assertThat(broker.endsWithin(STOP_LIMIT)).as("the broker stopped").isTrue();
            assertThat(shutdown("namesrv", "namesrv").exitValue()).isZero();
            assertThat(nameServer.endsWithin(STOP_LIMIT)).as("the name server stopped").isTrue();
        }
        Path logs = ScriptProcess.logDirectory(dir);
        assertThat(logs.resolve("broker.log")).content().contains("Bolide broker closed cleanly");
        assertThat(logs.resolve("namesrv.log")).content().contains("Bolide name server closed cleanly");
    }

    @Test
    void mqshutdownWithAPidFileStopsThatProcessOnly() throws Exception {
        try (ScriptProcess first = startNameServer("first", FreePorts.freePort());
                ScriptProcess second = startNameServer("second", FreePorts.freePort())) {
            assertThat(shutdown("namesrv", "first").output()).contains("Send shutdown request to mqnamesrv");

            assertThat(first.endsWithin(STOP_LIMIT)).isTrue();
            assertThat(second.isAlive()).as("the other name server still runs").isTrue();
            assertThat(shutdown("broker", "second").exitValue()).as("a name server is no broker").isEqualTo(1);
            assertThat(second.isAlive()).isTrue();
        }
        Path logs = ScriptProcess.logDirectory(dir);
        assertThat(logs.resolve("namesrv.log")).content().contains("Bolide name server started on port");
        assertThat(logs.resolve("broker.log")).as("a name server process logs to namesrv.log only").doesNotExist();
    }
}
