package dev.bolide.broker.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.BolideBroker;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.remoting.AclSignature;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.FrameClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded name server of a broker with aclEnable: registrations need an admin account (its own
 * broker registers in-process, unaffected), routes are read by anyone.
 */
class EmbeddedNameServerAccessTest {
    @TempDir
    Path dir;
    private BolideBroker broker;
    private FrameClient client;

    @BeforeEach
    void start() throws Exception {
        Path acl = Files.writeString(dir.resolve("plain_acl.yml"), WatchedAclFileTest.ONE_ACCOUNT);
        broker = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a").set(Settings.ACL_ENABLE, true)
                .set(Settings.ACL_CONFIG_FILE, acl).build());
        client = new FrameClient(broker.nameServerPort());
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        broker.close();
    }

    private RemotingCommand call(int code, Map<String, String> fields) throws IOException {
        client.send(RemotingCommand.request(code, 1, fields, null));
        return client.receive();
    }

    private static Map<String, String> rogueRegistration() {
        Map<String, String> fields = new HashMap<>(Map.of("brokerName", "broker-rogue", "brokerAddr", "10.6.6.6:10911",
                "clusterName", "DefaultCluster", "brokerId", "0", "haServerAddr", "10.6.6.6:10912"));
        fields.putAll(Map.of("compressed", "false", "bodyCrc32", "0"));
        return fields;
    }

    private String clusterInfo() throws IOException {
        RemotingCommand info = call(RequestCode.GET_BROKER_CLUSTER_INFO, Map.of());
        assertThat(info.code()).as("read by anyone").isEqualTo(ResponseCode.SUCCESS);
        return new String(info.body(), StandardCharsets.UTF_8);
    }

    @Test
    void anUnsignedRegistrationIsRefusedAndTheRoutesKeepTheirBroker() throws IOException {
        RemotingCommand refused = call(RequestCode.REGISTER_BROKER, rogueRegistration());

        assertThat(refused.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(refused.remark()).isEqualTo("AclException: No accessKey is configured");
        assertThat(clusterInfo()).contains("broker-a").doesNotContain("broker-rogue");
    }

    @Test
    void aRegistrationSignedByANonAdminIsRefused() throws IOException {
        Map<String, String> fields = AclSignature.sign(rogueRegistration(), null, "producer1", "producer-secret");

        assertThat(call(RequestCode.REGISTER_BROKER, fields).remark())
                .isEqualTo("AclException: Need admin permission for request code=103, but accessKey=producer1 is not");
        assertThat(clusterInfo()).doesNotContain("broker-rogue");
    }

    @Test
    void keyValueChangesNeedAnAdminWhileReadsDoNot() throws IOException {
        Map<String, String> entry = Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "Orders", "value", "broker-a:4");

        assertThat(call(RequestCode.PUT_KV_CONFIG, entry).remark()).isEqualTo("AclException: No accessKey is configured");
        RemotingCommand read = call(RequestCode.GET_KV_CONFIG, Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "Orders"));
        assertThat(read.remark()).as("not refused, and nothing was put").doesNotStartWith("AclException");
        assertThat(read.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
    }
}
