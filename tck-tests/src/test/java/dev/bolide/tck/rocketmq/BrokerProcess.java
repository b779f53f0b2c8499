package dev.bolide.tck.rocketmq;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * A Bolide broker in a child JVM (the built {@code bolide-broker.jar}, started as a user would),
 * on free ports, with its store in {@code directory}. It can be killed as {@code kill -9} does and
 * started again on the same directory and ports.
 */
final class BrokerProcess implements AutoCloseable {
    private final Process process;
    private final Path conf;
    private final int brokerPort;
    private final int nameServerPort;

    private BrokerProcess(Process process, Path conf, int brokerPort, int nameServerPort) {
        this.process = process;
        this.conf = conf;
        this.brokerPort = brokerPort;
        this.nameServerPort = nameServerPort;
    }

    /** @param extraLines further {@code broker.conf} lines */
    static BrokerProcess start(Path directory, String... extraLines) throws IOException {
        int brokerPort = freePort();
        int nameServerPort = freePort();
        Path conf = directory.resolve("broker.conf");
        Files.writeString(conf, String.join("\n",
                "brokerClusterName = DefaultCluster",
                "brokerName = broker-a",
                "brokerIP1 = 127.0.0.1",
                "listenPort = " + brokerPort,
                "namesrvListenPort = " + nameServerPort,
                "storePathRootDir = " + directory.resolve("store"),
                "mapedFileSizeCommitLog = 67108864",
                "maxHashSlotNum = 65536",
                "maxIndexNum = 262144",
                "flushDiskType = ASYNC_FLUSH",
                String.join("\n", extraLines), ""));
        return launch(conf, brokerPort, nameServerPort);
    }

    private static BrokerProcess launch(Path conf, int brokerPort, int nameServerPort) throws IOException {
        Path output = Files.createTempFile(conf.getParent(), "broker-", ".out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", System.getProperty("bolide.broker.jar"), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        await("broker started").atMost(Duration.ofSeconds(60))
                .until(() -> Files.readString(output).contains("started") || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("broker did not start:\n" + Files.readString(output));
        }
        return new BrokerProcess(process, conf, brokerPort, nameServerPort);
    }

    /** Kills the broker as {@code kill -9} does: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The broker started again, stopped or killed before, on the same directory, ports and configuration. */
    BrokerProcess restart() throws IOException {
        return launch(conf, brokerPort, nameServerPort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int brokerPort() {
        return brokerPort;
    }

    String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    /** A started producer of group {@code PG} using this broker's name server. */
    DefaultMQProducer startProducer() throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer("PG");
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName("producer-" + System.nanoTime());
        producer.start();
        return producer;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
