package dev.bolide.broker.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.testsupport.MutableClock;
import dev.bolide.remoting.FrameClient;
import dev.bolide.broker.metadata.DataVersion;
import dev.bolide.broker.topic.TopicConfig;
import dev.bolide.broker.topic.VersionedTopics;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded name server over real loopback connections, as remote brokers and clients use it. */
class NameServerTest {
    private static final String ADDRESS = "10.0.0.5:10911";
    private static final DataVersion VERSION = new DataVersion(3, 1_700_000_000_000L);

    private final MutableClock clock = new MutableClock();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    @TempDir
    Path directory;
    private NameServer nameServer;
    private FrameClient broker;
    private int opaque;

    @BeforeEach
    void start() throws Exception {
        nameServer = NameServer.start(new InetSocketAddress("127.0.0.1", 0), new RouteTable(clock),
                KvConfigTable.load(directory.resolve("kvConfig.json")), executor, scheduler);
        broker = new FrameClient(nameServer.port());
    }

    @AfterEach
    void close() throws IOException {
        broker.close();
        nameServer.close();
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    private RemotingCommand call(FrameClient client, int code, Map<String, String> fields, byte[] body)
            throws IOException {
        client.send(RemotingCommand.request(code, ++opaque, fields, body));
        return client.receive();
    }

    private static Map<String, String> identity(long brokerId, String address) {
        Map<String, String> fields = new HashMap<>();
        fields.put("brokerName", "broker-b");
        fields.put("brokerAddr", address);
        fields.put("clusterName", "DefaultCluster");
        fields.put("brokerId", Long.toString(brokerId));
        return fields;
    }

    private RemotingCommand register(long brokerId, String address, byte[] body, int crc) throws IOException {
        Map<String, String> fields = identity(brokerId, address);
        fields.put("haServerAddr", address.replace(":10911", ":10912"));
        fields.put("compressed", "false");
        fields.put("bodyCrc32", Integer.toString(crc));
        return call(broker, RequestCode.REGISTER_BROKER, fields, body);
    }

    private RemotingCommand register(byte[] body) throws IOException {
        return register(0, ADDRESS, body, RegisterBrokerBody.crc32(body));
    }

    private static byte[] body(String topic) {
        return RegisterBrokerBody.encode(new VersionedTopics(VERSION, Map.of(topic, TopicConfig.of(topic, 4))));
    }

    private RemotingCommand route(String topic) throws IOException {
        try (FrameClient client = new FrameClient(nameServer.port())) {
            return call(client, RequestCode.GET_ROUTEINFO_BY_TOPIC, Map.of("topic", topic), null);
        }
    }

    @Test
    void aRegisteredBrokersTopicsAreRoutedToItsAddress() throws IOException {
        assertThat(register(body("Orders")).code()).isEqualTo(ResponseCode.SUCCESS);

        RemotingCommand route = route("Orders");

        assertThat(route.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(route.body(), StandardCharsets.UTF_8))
                .contains("\"brokerAddrs\":{\"0\":\"" + ADDRESS + "\"}")
                .contains("\"brokerName\":\"broker-b\",\"perm\":6,\"readQueueNums\":4");
    }

    @Test
    void aBodyWhoseCrcDoesNotMatchIsRefused() throws IOException {
        byte[] body = body("Orders");

        RemotingCommand response = register(0, ADDRESS, body, RegisterBrokerBody.crc32(body) ^ 1);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("crc32 not match");
        assertThat(route("Orders").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void aCompressedBodyIsRefusedWithTheSettingToChange() throws IOException {
        Map<String, String> fields = identity(0, ADDRESS);
        fields.put("compressed", "true");

        RemotingCommand response = call(broker, RequestCode.REGISTER_BROKER, fields, new byte[] {1, 2, 3});

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("compressedRegister=false");
    }

    @Test
    void aBrokerThatUnregistersLeavesTheRoutes() throws IOException {
        register(body("Orders"));

        RemotingCommand response = call(broker, RequestCode.UNREGISTER_BROKER, identity(0, ADDRESS), null);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(route("Orders").code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void closingTheConnectionRemovesTheBrokersRegisteredOverIt() throws IOException {
        register(body("Orders"));

        broker.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> nameServer.routes().route("Orders").isEmpty());
        assertThat(nameServer.routes().brokers()).isEmpty();
    }

    @Test
    void queryDataVersionTellsWhetherTheBrokersTopicsChanged() throws IOException {
        register(body("Orders"));
        byte[] same = "{\"counter\":3,\"timestamp\":1700000000000}".getBytes(StandardCharsets.UTF_8);
        byte[] newer = "{\"counter\":4,\"timestamp\":1700000000001}".getBytes(StandardCharsets.UTF_8);

        RemotingCommand unchanged = call(broker, RequestCode.QUERY_DATA_VERSION, identity(0, ADDRESS), same);
        RemotingCommand changed = call(broker, RequestCode.QUERY_DATA_VERSION, identity(0, ADDRESS), newer);

        assertThat(unchanged.field("changed")).isEqualTo("false");
        assertThat(changed.field("changed")).isEqualTo("true");
        assertThat(changed.body()).isEqualTo(same);
    }

    @Test
    void aSlaveIsToldWhereItsMasterIs() throws IOException {
        register(body("Orders"));
        byte[] body = body("Orders");

        RemotingCommand response = register(1, "10.0.0.6:10911", body, RegisterBrokerBody.crc32(body));

        assertThat(response.field("masterAddr")).isEqualTo(ADDRESS);
        assertThat(response.field("haServerAddr")).isEqualTo("10.0.0.5:10912");
    }

    @Test
    void withOrderMessagesEnabledARouteCarriesTheTopicsOrderConfiguration() throws IOException {
        register(body("Orders"));
        call(broker, RequestCode.PUT_KV_CONFIG, Map.of("namespace", KvConfigTable.ORDER_TOPIC_CONFIG, "key", "Orders",
                "value", "broker-b:4"), null);
        String before = new String(route("Orders").body(), StandardCharsets.UTF_8);

        RemotingCommand update = call(broker, RequestCode.UPDATE_NAMESRV_CONFIG, null,
                "orderMessageEnable=true\n".getBytes(StandardCharsets.UTF_8));

        assertThat(update.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(before).doesNotContain("orderTopicConf");
        assertThat(new String(route("Orders").body(), StandardCharsets.UTF_8))
                .contains("\"orderTopicConf\":\"broker-b:4\"");
    }

    @Test
    void aNameServerSettingBolideCannotChangeIsRefusedByName() throws IOException {
        RemotingCommand update = call(broker, RequestCode.UPDATE_NAMESRV_CONFIG, null,
                "serverWorkerThreads=16\n".getBytes(StandardCharsets.UTF_8));
        RemotingCommand path = call(broker, RequestCode.UPDATE_NAMESRV_CONFIG, null,
                "kvConfigPath=/tmp/kv.json\n".getBytes(StandardCharsets.UTF_8));

        assertThat(update.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(update.remark()).contains("serverWorkerThreads", "orderMessageEnable");
        assertThat(path.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(new String(call(broker, RequestCode.GET_NAMESRV_CONFIG, null, null).body(), StandardCharsets.UTF_8))
                .contains("listenPort=" + nameServer.port(), "orderMessageEnable=false");
    }

    @Test
    void aKvRequestWithoutItsNamespaceIsRefusedAndTheServerGoesOn() throws IOException {
        RemotingCommand refused = call(broker, RequestCode.GET_KV_CONFIG, Map.of("key", "k"), null);
        call(broker, RequestCode.PUT_KV_CONFIG, Map.of("namespace", "NS", "key", "k", "value", "v"), null);

        assertThat(refused.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(refused.remark()).isEqualTo("namespace or key is null");
        assertThat(call(broker, RequestCode.GET_KV_CONFIG, Map.of("namespace", "NS", "key", "k"), null).field("value"))
                .isEqualTo("v");
    }
}
