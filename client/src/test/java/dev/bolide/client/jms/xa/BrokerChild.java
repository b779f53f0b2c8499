package dev.bolide.client.jms.xa;

import dev.bolide.broker.launcher.BrokerLauncher;
import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Bolide broker (and its name server) in a child JVM, so that a test can kill it as {@code kill -9}
 * does and start it again on the same store and ports. New topics get one queue.
 */
final class BrokerChild implements AutoCloseable {
    private final Path directory;
    private final int nameServerPort;
    private ChildJvm jvm;

    private BrokerChild(Path directory, int nameServerPort) {
        this.directory = directory;
        this.nameServerPort = nameServerPort;
    }

    /** @param extraLines further {@code broker.conf} lines */
    static BrokerChild start(Path directory, String... extraLines) throws IOException {
        int nameServerPort = FreePorts.freePort();
        Files.writeString(directory.resolve("broker.conf"), String.join("\n",
                "brokerClusterName = DefaultCluster",
                "brokerName = broker-a",
                "brokerIP1 = 127.0.0.1",
                "listenPort = " + FreePorts.freeBrokerPort(),
                "namesrvListenPort = " + nameServerPort,
                "consoleListenPort = -1",
                "storePathRootDir = " + directory.resolve("store"),
                "mapedFileSizeCommitLog = 1048576",
                "maxMessageSize = 65536",
                "maxHashSlotNum = 1024",
                "maxIndexNum = 4096",
                "defaultTopicQueueNums = 1",
                "flushDiskType = ASYNC_FLUSH",
                String.join("\n", extraLines), ""));
        BrokerChild broker = new BrokerChild(directory, nameServerPort);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException {
        jvm = ChildJvm.start(directory, BrokerLauncher.class, "-c", directory.resolve("broker.conf").toString());
        jvm.awaitOutput("started");
    }

    String nameServer() {
        return "127.0.0.1:" + nameServerPort;
    }

    void killNine() throws InterruptedException {
        jvm.killNine();
    }

    void restart() throws IOException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
