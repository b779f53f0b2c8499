package dev.bolide.client.jms.xa;

import dev.bolide.broker.launcher.BrokerLauncher;
import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Bolide broker (and its name server, or registered with another's) in a child JVM, so that a test
 * can kill it as {@code kill -9} does and start it again on the same store and ports. New topics get
 * one queue.
 */
public final class BrokerChild implements AutoCloseable {
    private final Path directory;
    private final String nameServer;
    private final int listenPort;
    private ChildJvm jvm;

    private BrokerChild(Path directory, String nameServer, int listenPort) {
        this.directory = directory;
        this.nameServer = nameServer;
        this.listenPort = listenPort;
    }

    /** @param extraLines further {@code broker.conf} lines */
    public static BrokerChild start(Path directory, String... extraLines) throws IOException {
        int nameServerPort = FreePorts.freePort();
        return start(directory, "127.0.0.1:" + nameServerPort, List.of("brokerName = broker-a",
                "namesrvListenPort = " + nameServerPort), extraLines);
    }

    /** A broker named {@code brokerName} registering with the name server at {@code nameServer}. */
    public static BrokerChild registeredWith(Path directory, String brokerName, String nameServer,
            String... extraLines) throws IOException {
        return start(directory, nameServer, List.of("brokerName = " + brokerName, "namesrvListenPort = -1",
                "namesrvAddr = " + nameServer), extraLines);
    }

    private static BrokerChild start(Path directory, String nameServer, List<String> identity, String... extraLines)
            throws IOException {
        int listenPort = FreePorts.freeBrokerPort();
        List<String> lines = new ArrayList<>(identity);
        lines.addAll(List.of(
                "brokerClusterName = DefaultCluster",
                "brokerIP1 = 127.0.0.1",
                "listenPort = " + listenPort,
                "consoleListenPort = -1",
                "storePathRootDir = " + directory.resolve("store"),
                "mapedFileSizeCommitLog = 1048576",
                "maxMessageSize = 65536",
                "maxHashSlotNum = 1024",
                "maxIndexNum = 4096",
                "defaultTopicQueueNums = 1",
                "flushDiskType = ASYNC_FLUSH"));
        lines.addAll(List.of(extraLines));
        Files.writeString(directory.resolve("broker.conf"), String.join("\n", lines) + "\n");
        BrokerChild broker = new BrokerChild(directory, nameServer, listenPort);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException {
        jvm = ChildJvm.start(directory, BrokerLauncher.class, "-c", directory.resolve("broker.conf").toString());
        jvm.awaitOutput("started");
    }

    public String nameServer() {
        return nameServer;
    }

    /** The broker's own {@code host:port}. */
    public String address() {
        return "127.0.0.1:" + listenPort;
    }

    public void killNine() throws InterruptedException {
        jvm.killNine();
    }

    public void restart() throws IOException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
