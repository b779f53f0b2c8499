package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.testsupport.FreePorts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server listening on a second address as well (the broker's VIP port): same requests, same life. */
class RemotingServerAddressesTest {
    private static final int ECHO = 1000;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private RemotingServer echoServer(int otherPort) {
        return new RemotingServer(new InetSocketAddress("127.0.0.1", 0))
                .alsoListenOn(new InetSocketAddress("127.0.0.1", otherPort), "the other port")
                .register(ECHO, (channel, request) -> CompletableFuture.completedFuture(
                        RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, Map.of(), request.body())),
                        executor);
    }

    private static int echoedOpaque(int port, int opaque) throws IOException {
        try (FrameClient client = new FrameClient(port)) {
            client.send(RemotingCommand.request(ECHO, opaque, Map.of(), new byte[] {1}));
            return client.receive().opaque();
        }
    }

    @Test
    void theOtherAddressServesTheSameRequests() throws Exception {
        int other = FreePorts.freePort();
        try (RemotingServer server = echoServer(other).start()) {
            assertThat(echoedOpaque(server.port(), 1)).isEqualTo(1);
            assertThat(echoedOpaque(other, 2)).isEqualTo(2);
        }
    }

    @Test
    void closingStopsListeningOnTheOtherAddressToo() throws Exception {
        int other = FreePorts.freePort();
        echoServer(other).start().close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", other).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void anOtherPortInUseIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> echoServer(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " (the other port)")
                    .hasMessageContaining("in use");
        }
    }
}
