package dev.bolide.broker;

import static dev.bolide.testsupport.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two brokers in one JVM: A is its own name server, B registers with A's name server over the
 * network ({@code namesrvAddr}) and runs no embedded one. Clients asking A find B's topics.
 */
@ExtendWith(NoThreadLeaks.class)
class BrokersSharingANameServerTest {
    private static final Duration PERIOD = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private BolideBroker startRegisteredWith(String name, String namesrvAddr) throws Exception {
        return BolideBroker.start(LoopbackBroker.settings(dir, name)
                .set(Settings.NAMESRV_LISTEN_PORT, BrokerSettings.NO_EMBEDDED_NAME_SERVER)
                .set(Settings.NAMESRV_ADDR, List.of(namesrvAddr)).set(Settings.REGISTER_NAME_SERVER_PERIOD, PERIOD).build());
    }

    private static String route(BolideBroker nameServer, String topic) throws IOException {
        try (FrameClient client = new FrameClient(nameServer.nameServerPort())) {
            client.send(RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, 1, Map.of("topic", topic), null));
            RemotingCommand response = client.receive();
            return response.code() == ResponseCode.SUCCESS ? new String(response.body(), StandardCharsets.UTF_8)
                    : "code " + response.code();
        }
    }

    private static void createTopic(BolideBroker broker, String topic) throws IOException {
        try (FrameClient client = new FrameClient(broker.port())) {
            client.send(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC, 1, Map.of("topic", topic,
                    "readQueueNums", "4", "writeQueueNums", "4", "perm", "6"), null));
            assertThat(client.receive().code()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    @Test
    void theSecondBrokersTopicsAreRoutableThroughTheFirstsNameServer() throws Exception {
        try (BolideBroker a = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a").build());
                BolideBroker b = startRegisteredWith("broker-b", "127.0.0.1:" + a.nameServerPort())) {
            assertThat(route(a, "TBW102"))
                    .contains("\"brokerAddrs\":{\"0\":\"127.0.0.1:" + a.port() + "\"},\"brokerName\":\"broker-a\"")
                    .contains("\"brokerAddrs\":{\"0\":\"127.0.0.1:" + b.port() + "\"},\"brokerName\":\"broker-b\"");
        }
    }

    @Test
    void aTopicCreatedLaterOnTheSecondBrokerBecomesRoutableToo() throws Exception {
        try (BolideBroker a = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a").build());
                BolideBroker b = startRegisteredWith("broker-b", "127.0.0.1:" + a.nameServerPort())) {
            createTopic(b, "Orders");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(route(a, "Orders"))
                    .contains("\"127.0.0.1:" + b.port() + "\"").doesNotContain("broker-a"));
        }
    }

    @Test
    void aBrokerThatShutsDownLeavesTheRoutes() throws Exception {
        try (BolideBroker a = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a").build())) {
            BolideBroker b = startRegisteredWith("broker-b", "127.0.0.1:" + a.nameServerPort());
            createTopic(b, "Orders");
            await().atMost(Duration.ofSeconds(10)).until(() -> route(a, "Orders").contains("broker-b"));

            b.close();

            assertThat(route(a, "Orders")).isEqualTo("code " + ResponseCode.TOPIC_NOT_EXIST);
            assertThat(route(a, "TBW102")).doesNotContain("broker-b");
        }
    }

    @Test
    void aNameServerThatIsDownDoesNotStopTheBrokerFromStarting() throws Exception {
        try (BolideBroker b = startRegisteredWith("broker-b", "127.0.0.1:" + freePort())) {
            createTopic(b, "Orders");
        }
    }

    @Test
    void aBrokerListingItsOwnNameServerRegistersWithItOverTheNetwork() throws Exception {
        int port = freePort();
        try (BolideBroker a = BolideBroker.start(LoopbackBroker.settings(dir, "broker-a")
                .set(Settings.NAMESRV_LISTEN_PORT, port).set(Settings.NAMESRV_ADDR, List.of("127.0.0.1:" + port))
                .set(Settings.REGISTER_NAME_SERVER_PERIOD, PERIOD).build())) {
            createTopic(a, "Orders");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(route(a, "Orders"))
                    .contains("\"127.0.0.1:" + a.port() + "\""));
        }
    }

}
