package dev.bolide.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.Loopback;
import dev.bolide.broker.send.SendRequests;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.FrameClient;
import dev.bolide.testsupport.NoThreadLeaks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** RocketMQ's {@code brokerPermission}: without the write bit sends are refused, without the read bit pulls. */
@ExtendWith(NoThreadLeaks.class)
class BrokerPermissionTest {
    @TempDir
    Path dir;

    private static RemotingCommand call(BolideBroker broker, int code, Map<String, String> fields, byte[] body)
            throws IOException {
        try (FrameClient client = new FrameClient(broker.port())) {
            client.send(RemotingCommand.request(code, 1, fields, body));
            return client.receive();
        }
    }

    @Test
    void aReadOnlyBrokerRefusesSendsNamingItsAddressAndServesPulls() throws Exception {
        try (BolideBroker broker = BolideBroker.start(Loopback.brokerSettings(dir, "broker-a")
                .set(Settings.BROKER_PERMISSION, 4).build())) {
            RemotingCommand send = call(broker, RequestCode.SEND_MESSAGE_V2, SendRequests.v2Header("TBW102", 0, ""),
                    "hello".getBytes(StandardCharsets.UTF_8));
            RemotingCommand pull = call(broker, RequestCode.PULL_MESSAGE, Map.of("consumerGroup", "CG", "topic",
                    "TBW102", "queueId", "0", "queueOffset", "0", "maxMsgNums", "32", "sysFlag", "4",
                    "commitOffset", "0", "suspendTimeoutMillis", "0", "subscription", "*"), null);

            assertThat(send.code()).isEqualTo(ResponseCode.NO_PERMISSION);
            assertThat(send.remark()).isEqualTo("the broker[127.0.0.1] sending message is forbidden");
            assertThat(pull.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        }
    }

    @Test
    void aWriteOnlyBrokerRefusesPulls() throws Exception {
        try (BolideBroker broker = BolideBroker.start(Loopback.brokerSettings(dir, "broker-a")
                .set(Settings.BROKER_PERMISSION, 2).build())) {
            RemotingCommand pull = call(broker, RequestCode.PULL_MESSAGE, Map.of("consumerGroup", "CG", "topic",
                    "TBW102", "queueId", "0", "queueOffset", "0", "maxMsgNums", "32", "sysFlag", "4",
                    "commitOffset", "0", "suspendTimeoutMillis", "0", "subscription", "*"), null);

            assertThat(pull.code()).isEqualTo(ResponseCode.NO_PERMISSION);
            assertThat(pull.remark()).isEqualTo("the broker[127.0.0.1] pulling message is forbidden");
        }
    }
}
