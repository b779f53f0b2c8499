package dev.bolide.broker;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocketMQ's {@code brokerPermission}, at start and changed at run time: without the write bit sends
 * to ordered topics are refused, without the read bit pulls.
 */
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

    private static RemotingCommand send(BolideBroker broker, String topic) throws IOException {
        return call(broker, RequestCode.SEND_MESSAGE_V2, SendRequests.v2Header(topic, 0, ""),
                "hello".getBytes(StandardCharsets.UTF_8));
    }

    private static void createTopics(BolideBroker broker) throws IOException {
        for (String[] topic : new String[][] {{"Orders", "true"}, {"Events", "false"}}) {
            assertThat(call(broker, RequestCode.UPDATE_AND_CREATE_TOPIC, Map.of("topic", topic[0], "readQueueNums", "4",
                    "writeQueueNums", "4", "perm", "6", "order", topic[1]), null).code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    private static RemotingCommand pull(BolideBroker broker) throws IOException {
        return call(broker, RequestCode.PULL_MESSAGE, Map.of("consumerGroup", "CG", "topic", "Events", "queueId", "0",
                "queueOffset", "0", "maxMsgNums", "32", "sysFlag", "4", "commitOffset", "0", "suspendTimeoutMillis",
                "0", "subscription", "*"), null);
    }

    private static RemotingCommand updateBrokerConfig(BolideBroker broker, String line) throws IOException {
        return call(broker, RequestCode.UPDATE_BROKER_CONFIG, Map.of(), line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReadOnlyBrokerRefusesSendsToOrderedTopicsNamingItsAddressTakesOthersAndServesPulls() throws Exception {
        try (BolideBroker broker = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a")
                .set(Settings.BROKER_PERMISSION, 4).build())) {
            createTopics(broker);

            RemotingCommand ordered = send(broker, "Orders");
            assertThat(ordered.code()).isEqualTo(ResponseCode.NO_PERMISSION);
            assertThat(ordered.remark()).isEqualTo("the broker[127.0.0.1] sending message is forbidden");
            assertThat(send(broker, "Events").code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(pull(broker).code()).isNotEqualTo(ResponseCode.NO_PERMISSION);
        }
    }

    @Test
    void updateBrokerConfigChangesThePermissionOfTheRunningBroker() throws Exception {
        try (BolideBroker broker = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a").build(),
                changes -> "memory")) {
            createTopics(broker);
            assertThat(send(broker, "Orders").code()).isEqualTo(ResponseCode.SUCCESS);

            RemotingCommand readOnly = updateBrokerConfig(broker, "brokerPermission=4");
            assertThat(readOnly.code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(readOnly.remark()).isEqualTo("saved in memory: [brokerPermission] applied now");
            assertThat(send(broker, "Orders").code()).isEqualTo(ResponseCode.NO_PERMISSION);
            assertThat(new String(call(broker, RequestCode.GET_BROKER_CONFIG, Map.of(), null).body(),
                    StandardCharsets.UTF_8)).contains("brokerPermission=4\n");

            assertThat(updateBrokerConfig(broker, "brokerPermission=2").code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(pull(broker).code()).isEqualTo(ResponseCode.NO_PERMISSION);

            assertThat(updateBrokerConfig(broker, "brokerPermission=6").code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(send(broker, "Orders").code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(pull(broker).code()).isNotEqualTo(ResponseCode.NO_PERMISSION);
        }
    }

    @Test
    void aWriteOnlyBrokerRefusesPulls() throws Exception {
        try (BolideBroker broker = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a")
                .set(Settings.BROKER_PERMISSION, 2).build())) {
            RemotingCommand pull = call(broker, RequestCode.PULL_MESSAGE, Map.of("consumerGroup", "CG", "topic",
                    "TBW102", "queueId", "0", "queueOffset", "0", "maxMsgNums", "32", "sysFlag", "4",
                    "commitOffset", "0", "suspendTimeoutMillis", "0", "subscription", "*"), null);

            assertThat(pull.code()).isEqualTo(ResponseCode.NO_PERMISSION);
            assertThat(pull.remark()).isEqualTo("the broker[127.0.0.1] pulling message is forbidden");
        }
    }
}
