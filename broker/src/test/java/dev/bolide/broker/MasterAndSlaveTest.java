package dev.bolide.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.config.BrokerRole;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.broker.send.SendRequests;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.FrameClient;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master (brokerId 0) and its slave (brokerId 1, same brokerName) in one JVM, registering over the
 * network with the name server of a third broker (broker-z): one route lists both,
 * the slave refuses writes as a RocketMQ 4.9.7 slave does, serves reads and offset commits, and
 * copies the master's metadata.
 */
@ExtendWith(NoThreadLeaks.class)
class MasterAndSlaveTest {
    /** One copy period of SlaveSynchronize and then some, for a loaded machine. */
    private static final Duration ONE_SYNC = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private BolideBroker names;
    private BolideBroker master;
    private BolideBroker slave;

    @BeforeEach
    void start() throws Exception {
        names = BolideBroker.start(LoopbackBroker.settings(dir, "broker-z").build());
        master = BolideBroker.start(registeringWithNames("master").build());
        slave = BolideBroker.start(registeringWithNames("slave").set(Settings.BROKER_ID, 1L)
                .set(Settings.BROKER_ROLE, BrokerRole.SLAVE).build());
    }

    private BrokerSettings.Builder registeringWithNames(String storeName) {
        return LoopbackBroker.settings(dir, storeName).set(Settings.BROKER_NAME, "broker-a")
                .set(Settings.NAMESRV_LISTEN_PORT, BrokerSettings.NO_EMBEDDED_NAME_SERVER)
                .set(Settings.NAMESRV_ADDR, List.of("127.0.0.1:" + names.nameServerPort()));
    }

    @AfterEach
    void stop() throws IOException {
        slave.close();
        if (master != null) {
            master.close();
        }
        names.close();
    }

    private static RemotingCommand call(int port, int code, Map<String, String> fields, byte[] body)
            throws IOException {
        try (FrameClient client = new FrameClient(port)) {
            client.send(RemotingCommand.request(code, 1, fields, body));
            return client.receive();
        }
    }

    private String route(String topic) throws IOException {
        RemotingCommand response = call(names.nameServerPort(), RequestCode.GET_ROUTEINFO_BY_TOPIC,
                Map.of("topic", topic), null);
        return response.code() == ResponseCode.SUCCESS ? new String(response.body(), StandardCharsets.UTF_8)
                : "code " + response.code();
    }

    private static RemotingCommand createTopic(BolideBroker broker, String topic) throws IOException {
        return call(broker.port(), RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", topic, "readQueueNums", "4",
                "writeQueueNums", "4", "perm", "6"), null);
    }

    private String addresses() {
        return "\"brokerAddrs\":{\"0\":\"127.0.0.1:" + master.port() + "\",\"1\":\"127.0.0.1:" + slave.port()
                + "\"},\"brokerName\":\"broker-a\"";
    }

    @Test
    void oneRouteAndTheClusterInfoListMasterAndSlaveUnderTheirBrokerName() throws IOException {
        assertThat(route("TBW102")).contains(addresses());
        RemotingCommand clusterInfo = call(names.nameServerPort(), RequestCode.GET_BROKER_CLUSTER_INFO, Map.of(),
                null);
        assertThat(new String(clusterInfo.body(), StandardCharsets.UTF_8)).contains(addresses());
    }

    @Test
    void whenTheMasterShutsDownTheSlaveStaysInTheRoutes() throws IOException {
        master.close();
        master = null;

        assertThat(route("TBW102")).contains("\"brokerAddrs\":{\"1\":\"127.0.0.1:" + slave.port()
                + "\"},\"brokerName\":\"broker-a\"");
    }

    @Test
    void aSendToTheSlaveGetsRocketMqsAnswerForASlave() throws IOException {
        RemotingCommand response = call(slave.port(), RequestCode.SEND_MESSAGE_V2,
                SendRequests.v2Header("TBW102", 0, ""), "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(response.code()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE);
        assertThat(response.remark()).matches("service not available now\\. It may be caused by one of the following "
                + "reasons: the broker's disk is full \\[CL: .{5} CQ: .{5} INDEX: .{5}\\], messages are put to the "
                + "slave, message store has been shut down, etc\\.");
    }

    @Test
    void theSlaveRefusesTransactionEndsAndMetadataChangesAsRocketMqDoes() throws IOException {
        RemotingCommand endTransaction = call(slave.port(), RequestCode.END_TRANSACTION, Map.of("producerGroup", "PG",
                "tranStateTableOffset", "0", "commitLogOffset", "0", "commitOrRollback", "8"), null);
        RemotingCommand topic = createTopic(slave, "Orders");
        RemotingCommand deleteGroup = call(slave.port(), RequestCode.DELETE_SUBSCRIPTIONGROUP,
                Map.of("groupName", "CG"), null);

        assertThat(endTransaction.code()).isEqualTo(ResponseCode.SLAVE_NOT_AVAILABLE);
        assertThat(topic.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(topic.remark()).isEqualTo("Can't modify topic or subscription group from slave broker, "
                + "please execute it from master broker.");
        assertThat(deleteGroup.remark()).isEqualTo(topic.remark());
    }

    @Test
    void theSlaveTakesOffsetCommits() throws IOException {
        RemotingCommand commit = call(slave.port(), RequestCode.UPDATE_CONSUMER_OFFSET, Map.of("consumerGroup", "CG",
                "topic", "TBW102", "queueId", "0", "commitOffset", "7"), null);
        RemotingCommand query = call(slave.port(), RequestCode.QUERY_CONSUMER_OFFSET, Map.of("consumerGroup", "CG",
                "topic", "TBW102", "queueId", "0"), null);

        assertThat(commit.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(query.field("offset")).isEqualTo("7");
    }

    @Test
    void topicsGroupsAndOffsetsOfTheMasterAppearOnTheSlaveWithinOneCopy() throws IOException {
        assertThat(createTopic(master, "Orders").code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(call(master.port(), RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, Map.of(),
                "{\"groupName\":\"OrderConsumers\",\"retryMaxTimes\":5}".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo(ResponseCode.SUCCESS);
        assertThat(call(master.port(), RequestCode.UPDATE_CONSUMER_OFFSET, Map.of("consumerGroup", "OrderConsumers",
                "topic", "Orders", "queueId", "2", "commitOffset", "42"), null).code()).isEqualTo(ResponseCode.SUCCESS);

        await().atMost(ONE_SYNC).untilAsserted(() -> {
            assertThat(new String(call(slave.port(), RequestCode.GET_ALL_TOPIC_CONFIG, Map.of(), null).body(),
                    StandardCharsets.UTF_8)).contains("\"Orders\"");
            assertThat(new String(call(slave.port(), RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, Map.of(), null)
                    .body(), StandardCharsets.UTF_8)).contains("\"OrderConsumers\"");
            assertThat(call(slave.port(), RequestCode.QUERY_CONSUMER_OFFSET, Map.of("consumerGroup", "OrderConsumers",
                    "topic", "Orders", "queueId", "2"), null).field("offset")).isEqualTo("42");
        });
    }

    @Test
    void theSlavesRuntimeInfoTellsHowFarBehindItsMasterItIs() throws IOException {
        assertThat(call(master.port(), RequestCode.SEND_MESSAGE_V2, SendRequests.v2Header("TBW102", 0, ""),
                "hello".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo(ResponseCode.SUCCESS);

        await().atMost(ONE_SYNC).untilAsserted(() -> assertThat(new String(call(slave.port(),
                RequestCode.GET_BROKER_RUNTIME_INFO, Map.of(), null).body(), StandardCharsets.UTF_8))
                .contains("\"haSlaveFallBehindBytes\":\"0\"", "\"haMasterAddress\":\"127.0.0.1:"
                        + master.replication().port() + "\"")
                .containsPattern("\"commitLogMaxOffset\":\"[1-9]\\d*\""));
    }
}
