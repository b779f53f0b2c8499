package dev.bolide.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.config.BrokerRole;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.remoting.AclSignature;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.FrameClient;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master and its slave, both with {@code aclEnable} and no address globally white: the slave
 * signs its registration with the master's name server and its copies of the master's metadata
 * with the account {@code aclAccessKey} names, so both go through; unsigned, as a RocketMQ 4.9.7
 * slave sends them, the master refuses them.
 */
@ExtendWith(NoThreadLeaks.class)
class MasterAndSlaveUnderAclTest {
    private static final String ACL = """
            accounts:
              - accessKey: broker-cluster
                secretKey: cluster-secret
                admin: true
              - accessKey: producer1
                secretKey: producer-secret
                defaultTopicPerm: PUB
            """;
    private static final Duration ONE_SYNC = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private BrokerSettings.Builder withAcl(String storeName) throws IOException {
        Path acl = dir.resolve("plain_acl.yml");
        if (!Files.exists(acl)) {
            Files.writeString(acl, ACL);
        }
        return LoopbackBroker.settings(dir, storeName).set(Settings.BROKER_NAME, "broker-a")
                .set(Settings.ACL_ENABLE, true).set(Settings.ACL_CONFIG_FILE, acl);
    }

    private BrokerSettings.Builder slaveOf(BolideBroker master) throws IOException {
        return withAcl("slave").set(Settings.BROKER_ID, 1L).set(Settings.BROKER_ROLE, BrokerRole.SLAVE)
                .set(Settings.NAMESRV_LISTEN_PORT, BrokerSettings.NO_EMBEDDED_NAME_SERVER)
                .set(Settings.NAMESRV_ADDR, List.of("127.0.0.1:" + master.nameServerPort()));
    }

    private static RemotingCommand call(int port, int code, Map<String, String> fields, boolean signed)
            throws IOException {
        Map<String, String> sent = signed ? AclSignature.sign(fields, null, "broker-cluster", "cluster-secret") : fields;
        try (FrameClient client = new FrameClient(port)) {
            client.send(RemotingCommand.request(code, 1, sent, null));
            return client.receive();
        }
    }

    private static String body(RemotingCommand response) {
        return response.body() == null ? "code " + response.code() : new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aSlaveSigningWithItsAccountRegistersAndCopiesItsMastersMetadata() throws Exception {
        try (BolideBroker master = BolideBroker.start(withAcl("master").build());
                BolideBroker slave = BolideBroker.start(slaveOf(master)
                        .set(Settings.ACL_ACCESS_KEY, "broker-cluster").build())) {
            assertThat(call(master.port(), RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", "Orders",
                    "readQueueNums", "4", "writeQueueNums", "4", "perm", "6"), true).code())
                    .isEqualTo(ResponseCode.SUCCESS);
            assertThat(call(master.port(), RequestCode.UPDATE_CONSUMER_OFFSET, Map.of("consumerGroup", "CG",
                    "topic", "Orders", "queueId", "2", "commitOffset", "42"), true).code())
                    .isEqualTo(ResponseCode.SUCCESS);

            assertThat(body(call(master.nameServerPort(), RequestCode.GET_ROUTEINFO_BY_TOPIC,
                    Map.of("topic", "Orders"), false))).contains("\"1\":\"127.0.0.1:" + slave.port() + "\"");
            await().atMost(ONE_SYNC).untilAsserted(() -> {
                assertThat(body(call(slave.port(), RequestCode.GET_ALL_TOPIC_CONFIG, Map.of(), true)))
                        .contains("\"Orders\"");
                assertThat(call(slave.port(), RequestCode.QUERY_CONSUMER_OFFSET, Map.of("consumerGroup", "CG",
                        "topic", "Orders", "queueId", "2"), true).field("offset")).isEqualTo("42");
            });
            RemotingCommand unsigned = call(master.port(), RequestCode.GET_ALL_CONSUMER_OFFSET, Map.of(), false);
            assertThat(unsigned.remark()).as("what an unsigned slave gets").isEqualTo(
                    "AclException: No accessKey is configured");
        }
    }

    @Test
    void aBrokerWhoseAclAccessKeyNamesNoAccountDoesNotStart() throws Exception {
        try (BolideBroker master = BolideBroker.start(withAcl("master").build())) {
            assertThatThrownBy(() -> BolideBroker.start(slaveOf(master).set(Settings.ACL_ACCESS_KEY, "nobody").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("aclAccessKey = nobody").hasMessageContaining("no account has accessKey nobody");
        }
    }
}
