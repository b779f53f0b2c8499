package dev.bolide.tck.rocketmq;

import static org.awaitility.Awaitility.await;

import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * A Bolide broker in a child JVM (the built {@code bolide-broker.jar}, started as a user would),
 * on free ports, with its store in {@code directory}. It can be killed as {@code kill -9} does and
 * started again on the same directory and ports. Its log files are in {@link #logDirectory()}.
 */
public final class BrokerProcess implements AutoCloseable {
    private final Path directory;
    private final int brokerPort;
    private final int nameServerPort;
    private Process process;
    private Path output;

    private BrokerProcess(Path directory, int brokerPort, int nameServerPort) {
        this.directory = directory;
        this.brokerPort = brokerPort;
        this.nameServerPort = nameServerPort;
    }

    /** @param extraLines further {@code broker.conf} lines */
    public static BrokerProcess start(Path directory, String... extraLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of("mapedFileSizeCommitLog = 67108864"));
        lines.addAll(List.of(extraLines));
        return startOnStore(directory, directory.resolve("store"), FreePorts.freeBrokerPort(),
                lines.toArray(String[]::new));
    }

    /**
     * A broker on the store in {@code store}, which may have been written by another broker (its
     * CommitLog segment size, which is not written in the store, must come in {@code extraLines}),
     * listening on {@code brokerPort}: the port that broker listened on keeps the offset message
     * ids it handed out valid, because they carry the store host.
     *
     * @param directory where {@code broker.conf}, the output and the logs go
     */
    public static BrokerProcess startOnStore(Path directory, Path store, int brokerPort, String... extraLines)
            throws IOException {
        int nameServerPort = FreePorts.freePort();
        Path conf = directory.resolve("broker.conf");
        Files.writeString(conf, String.join("\n",
                "brokerClusterName = DefaultCluster",
                "brokerName = broker-a",
                "brokerIP1 = 127.0.0.1",
                "listenPort = " + brokerPort,
                "namesrvListenPort = " + nameServerPort,
                "consoleListenPort = -1",
                "storePathRootDir = " + store,
                "maxHashSlotNum = 65536",
                "maxIndexNum = 262144",
                "flushDiskType = ASYNC_FLUSH",
                String.join("\n", extraLines), ""));
        BrokerProcess broker = new BrokerProcess(directory, brokerPort, nameServerPort);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException {
        // a file per start, so that the output of a killed broker stays readable
        output = Files.createTempFile(directory, "broker", ".out");
        Process started = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dbolide.log.dir=" + logDirectory(), "-jar", System.getProperty("bolide.broker.jar"), "-c",
                directory.resolve("broker.conf").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await("broker started").atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(output).contains("started") || !started.isAlive());
        } catch (RuntimeException e) {
            // a broker that did not start in time is nobody's to close
            started.destroyForcibly();
            throw e;
        }
        if (!started.isAlive()) {
            throw new IllegalStateException("broker did not start:\n" + Files.readString(output));
        }
        process = started;
    }

    /** Kills the broker with SIGKILL, as {@code kill -9} does: nothing is closed, no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the broker outlived SIGKILL");
        }
    }

    /** Starts the broker again, after {@link #kill()} or {@link #close()}: same store, ports and broker.conf. */
    public BrokerProcess restart() throws IOException {
        launch();
        return this;
    }

    /** What the broker printed since its last start. */
    String output() throws IOException {
        return Files.readString(output);
    }

    /** Where its log files go: under the test's directory, not the user's ~/logs/rocketmqlogs. */
    Path logDirectory() {
        return directory.resolve("logs");
    }

    public int brokerPort() {
        return brokerPort;
    }

    public String nameServerAddress() {
        return "127.0.0.1:" + nameServerPort;
    }

    /** A started producer of group {@code PG} using this broker's name server. */
    public DefaultMQProducer startProducer() throws MQClientException {
        return startProducer(producer -> { });
    }

    /** As {@link #startProducer()}, with client settings of the test's made before the start. */
    public DefaultMQProducer startProducer(Consumer<DefaultMQProducer> settings) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer("PG");
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName("producer-" + System.nanoTime());
        settings.accept(producer);
        producer.start();
        return producer;
    }

    /**
     * A started push consumer of {@code group} reading {@code topic} from its first offset, collecting
     * every message it receives under its body (text), copies included.
     */
    public DefaultMQPushConsumer startConsumer(String group, String topic, Map<String, List<MessageExt>> received)
            throws MQClientException {
        return startConsumer(group, topic, received, consumer -> { });
    }

    /** As {@link #startConsumer(String, String, Map)}, with client settings of the test's made before the start. */
    DefaultMQPushConsumer startConsumer(String group, String topic, Map<String, List<MessageExt>> received,
            Consumer<ClientConfig> settings) throws MQClientException {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        routesPolledEverySecond(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.computeIfAbsent(new String(m.getBody(), StandardCharsets.UTF_8),
                    k -> new CopyOnWriteArrayList<>()).add(m));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        settings.accept(consumer);
        consumer.start();
        return consumer;
    }

    /**
     * Has {@code client} ask its name server for routes every second instead of every 30 s: a
     * consumer started before its topic exists (created by the first send) finds it a second later.
     */
    public static void routesPolledEverySecond(ClientConfig client) {
        client.setPollNameServerInterval(1_000);
    }

    /** Every message of {@code topic} on this broker's name server's route, read from offset 0 of each queue. */
    List<MessageExt> readAll(String topic) throws Exception {
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer("CG-reader");
        reader.setNamesrvAddr(nameServerAddress());
        reader.setInstanceName("reader-" + System.nanoTime());
        reader.start();
        try {
            List<MessageExt> all = new ArrayList<>();
            for (MessageQueue queue : reader.fetchSubscribeMessageQueues(topic)) {
                for (long offset = 0; ; ) {
                    PullResult result = reader.pull(queue, "*", offset, 32);
                    if (result.getPullStatus() != PullStatus.FOUND) {
                        break;
                    }
                    all.addAll(result.getMsgFoundList());
                    offset = result.getNextBeginOffset();
                }
            }
            return all;
        } finally {
            reader.shutdown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
