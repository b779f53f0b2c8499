package dev.bolide.client.rocketmq;

import static dev.bolide.testsupport.FreePorts.freeBrokerPort;
import static dev.bolide.testsupport.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.BolideBroker;
import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RemotingClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Bolide broker in this JVM on fixed loopback ports, so that it can be stopped and started
 * again on the same ports and store. The first broker of a test is its own name server; others
 * register with it.
 */
public final class LoopbackBroker implements AutoCloseable {
    /** The broker's {@code maxMessageSize}: small, so that tests reach it cheaply. */
    public static final int MAX_MESSAGE_SIZE = 64 * 1024;

    private final BrokerSettings settings;
    private BolideBroker broker;

    private LoopbackBroker(BrokerSettings settings) throws Exception {
        this.settings = settings;
        start();
    }

    /** A broker that is also the name server. */
    public static LoopbackBroker withNameServer(Path dir, String name, boolean autoCreateTopics) throws Exception {
        return withNameServer(dir, name, autoCreateTopics, false);
    }

    /** A broker that is also the name server, filtering by SQL92 and JMS selectors when {@code propertyFilter}. */
    public static LoopbackBroker withNameServer(Path dir, String name, boolean autoCreateTopics,
            boolean propertyFilter) throws Exception {
        return new LoopbackBroker(settings(dir, name).set(Settings.AUTO_CREATE_TOPIC_ENABLE, autoCreateTopics)
                .set(Settings.ENABLE_PROPERTY_FILTER, propertyFilter).build());
    }

    /** A broker that is also the name server, with its own transaction settings (short XA timeouts, say). */
    public static LoopbackBroker withNameServer(Path dir, String name, TransactionSettings transactions) throws Exception {
        return new LoopbackBroker(settings(dir, name).transactions(transactions).build());
    }

    /** A broker registering with {@code nameServer}'s name server. */
    public static LoopbackBroker registeredWith(Path dir, String name, LoopbackBroker nameServer) throws Exception {
        return registeredWith(dir, name, nameServer, TransactionSettings.DEFAULTS);
    }

    /** A broker registering with {@code nameServer}'s name server, with its own transaction settings. */
    public static LoopbackBroker registeredWith(Path dir, String name, LoopbackBroker nameServer,
            TransactionSettings transactions) throws Exception {
        return new LoopbackBroker(settings(dir, name)
                .set(Settings.NAMESRV_LISTEN_PORT, BrokerSettings.NO_EMBEDDED_NAME_SERVER)
                .set(Settings.NAMESRV_ADDR, List.of(nameServer.nameServer())).transactions(transactions).build());
    }

    /** A small store and fixed free ports, so that a restarted broker is found where it was. */
    private static BrokerSettings.Builder settings(Path dir, String name) {
        return BrokerSettings.builder().set(Settings.BROKER_NAME, name).set(Settings.BROKER_IP1, "127.0.0.1")
                .set(Settings.LISTEN_PORT, freeBrokerPort()).set(Settings.NAMESRV_LISTEN_PORT, freePort())
                .set(Settings.STORE_PATH_ROOT_DIR, dir.resolve(name)).set(Settings.MAPPED_FILE_SIZE_COMMIT_LOG, 1 << 20)
                .set(Settings.MAX_MESSAGE_SIZE, MAX_MESSAGE_SIZE).set(Settings.MAX_HASH_SLOT_NUM, 1024)
                .set(Settings.MAX_INDEX_NUM, 4096).set(Settings.CONSOLE_LISTEN_PORT, BrokerSettings.NO_CONSOLE);
    }

    public void start() throws Exception {
        broker = BolideBroker.start(settings);
    }

    public void stop() throws IOException {
        broker.close();
        broker = null;
    }

    public String nameServer() {
        return "127.0.0.1:" + settings.namesrvListenPort();
    }

    public String address() {
        return "127.0.0.1:" + settings.listenPort();
    }

    String name() {
        return settings.brokerName();
    }

    /** Creates (or changes) {@code topic} with {@code queues} read and write queues. */
    public void createTopic(String topic, int queues) {
        createTopic(address(), topic, queues);
    }

    /** Creates (or changes) {@code topic} on the broker at {@code address} (one of another JVM, say). */
    public static void createTopic(String address, String topic, int queues) {
        try (RemotingClient admin = new RemotingClient()) {
            var response = admin.invoke(address, RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", topic,
                    "readQueueNums", Integer.toString(queues), "writeQueueNums", Integer.toString(queues),
                    "perm", "6"), null, Duration.ofSeconds(5)).join();
            assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }


    @Override
    public void close() throws IOException {
        if (broker != null) {
            stop();
        }
    }
}
