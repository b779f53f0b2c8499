package dev.bolide.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.broker.config.Settings;
import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.FrameClient;
import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's VIP port, {@code listenPort - 2}: served like listenPort, closed with the broker, named when taken. */
class VipChannelTest {
    @TempDir
    Path dir;

    private BrokerSettings settings(int listenPort) {
        return LoopbackBroker.settings(dir, "broker-a").set(Settings.LISTEN_PORT, listenPort).build();
    }

    private static int createTopic(int port, String topic) throws IOException {
        try (FrameClient client = new FrameClient(port)) {
            client.send(RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC, 1, Map.of("topic", topic,
                    "readQueueNums", "4", "writeQueueNums", "4", "perm", "6"), null));
            return client.receive().code();
        }
    }

    @Test
    void theVipPortServesTheBrokersRequests() throws Exception {
        int port = FreePorts.freeBrokerPort();
        try (BolideBroker broker = BolideBroker.start(settings(port))) {
            assertThat(createTopic(port - 2, "ThroughTheVipChannel")).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    @Test
    void closingTheBrokerClosesTheVipPort() throws Exception {
        int port = FreePorts.freeBrokerPort();
        BolideBroker.start(settings(port)).close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port - 2).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenVipPortStopsTheStartNamingThePort() throws Exception {
        int port = FreePorts.freeBrokerPort();
        try (ServerSocket taken = new ServerSocket(port - 2)) {
            assertThatThrownBy(() -> BolideBroker.start(settings(port)))
                    .hasMessageContaining("port " + (port - 2))
                    .hasMessageContaining("fastListenPort");
        }
        try (BolideBroker again = BolideBroker.start(settings(port))) {
            assertThat(again.port()).as("the failed start released the store and listenPort").isEqualTo(port);
        }
    }
}
