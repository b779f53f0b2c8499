package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bolide.protocol.remoting.AclSignature;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemotingClientTest {
    private static final int ECHO = 1000;
    /** Answered only when the test completes {@link #held}. */
    private static final int HELD = 1001;
    /** Never answered (but recorded, as ECHO requests are). */
    private static final int SILENT = 1002;
    /** Answered, and followed by a oneway request from the server to the client. */
    private static final int CALL_ME_BACK = 1003;
    private static final int NOTIFICATION = 2000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final CompletableFuture<Void> held = new CompletableFuture<>();
    private final BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
    private final RemotingClient client = new RemotingClient();
    private RemotingServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = startServer(0);
    }

    private RemotingServer startServer(int port) throws InterruptedException {
        return new RemotingServer(new InetSocketAddress("127.0.0.1", port))
                .register(ECHO, (channel, request) -> {
                    received.add(request);
                    return CompletableFuture.completedFuture(echo(request));
                }, executor)
                .register(HELD, (channel, request) -> held.thenApply(ignored -> echo(request)), executor)
                .register(CALL_ME_BACK, (channel, request) -> {
                    channel.writeAndFlush(new RemotingCommand(NOTIFICATION, request.language(), request.version(),
                            -1, RemotingCommand.ONEWAY_FLAG, null, Map.of("about", "you"), null,
                            request.serializeType()));
                    return CompletableFuture.completedFuture(echo(request));
                }, executor)
                .register(SILENT, (channel, request) -> {
                    received.add(request);
                    return new CompletableFuture<>();
                }, executor)
                .start();
    }

    private static RemotingCommand echo(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, request.extFields(), null);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        executor.shutdownNow();
    }

    private String address() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void eachResponseCompletesTheRequestWithItsOpaqueWhateverTheOrder() throws Exception {
        CompletableFuture<RemotingCommand> first = client.invoke(address(), HELD, Map.of("n", "1"), null, TIMEOUT);
        CompletableFuture<RemotingCommand> second = client.invoke(address(), ECHO, Map.of("n", "2"), null, TIMEOUT);

        assertThat(second.get(5, TimeUnit.SECONDS).field("n")).isEqualTo("2");
        assertThat(first).isNotDone();
        held.complete(null);
        assertThat(first.get(5, TimeUnit.SECONDS).field("n")).isEqualTo("1");
    }

    @Test
    void aSigningClientSignsEveryRequestAsTheHookDoes() throws Exception {
        client.signingAs("rocketmq2", "12345678");
        client.invoke(address(), ECHO, Map.of("topic", "Orders"), new byte[] {1, 2}, TIMEOUT).get(5, TimeUnit.SECONDS);
        client.invokeOneway(address(), ECHO, null, null).get(5, TimeUnit.SECONDS);

        RemotingCommand signed = received.poll(5, TimeUnit.SECONDS);
        assertThat(signed.field("AccessKey")).isEqualTo("rocketmq2");
        assertThat(AclSignature.isSignedWith(signed, "12345678")).isTrue();
        RemotingCommand oneway = received.poll(5, TimeUnit.SECONDS);
        assertThat(oneway.field("Signature")).as("the hook's vector for no header and no body")
                .isEqualTo("Ou1T58RIcyZWaTIwzkhJZWn/Zvs=");
    }

    @Test
    void aRequestWithoutResponseTimesOut() {
        CompletableFuture<RemotingCommand> call = client.invoke(address(), SILENT, Map.of(), null,
                Duration.ofMillis(200));

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void aServerThatIsDownFailsTheRequest() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CompletableFuture<RemotingCommand> call = client.invoke("127.0.0.1:" + closedPort, ECHO, Map.of(), null,
                TIMEOUT);

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectException.class).hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void aOnewayRequestIsSentWithTheOnewayFlag() throws Exception {
        client.invokeOneway(address(), ECHO, Map.of("k", "v"), new byte[] {1}).get(5, TimeUnit.SECONDS);

        RemotingCommand request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.isOneway()).isTrue();
        assertThat(request.field("k")).isEqualTo("v");
    }

    @Test
    void aRequestFromTheServerGoesToTheHandlerWithTheServersAddress() throws Exception {
        BlockingQueue<String> notified = new LinkedBlockingQueue<>();
        try (RemotingClient listening = new RemotingClient((server, request) -> {
            notified.add(server + " " + request.code() + " " + request.field("about"));
            return null;
        })) {
            listening.invoke(address(), CALL_ME_BACK, Map.of(), null, TIMEOUT).get(5, TimeUnit.SECONDS);

            assertThat(notified.poll(5, TimeUnit.SECONDS)).isEqualTo(address() + " " + NOTIFICATION + " you");
        }
    }

    @Test
    void aClosedConnectionIsOpenedAgainOnTheNextRequest() throws Exception {
        client.invoke(address(), ECHO, Map.of(), null, TIMEOUT).get(5, TimeUnit.SECONDS);
        int port = server.port();
        server.close();
        server = startServer(port);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client.invoke(address(), ECHO, Map.of(), null, TIMEOUT).get(5, TimeUnit.SECONDS).code())
                .isEqualTo(ResponseCode.SUCCESS));
    }

    @Test
    void aConnectionTheServerClosesIsReportedWithItsAddress() throws Exception {
        BlockingQueue<String> closed = new LinkedBlockingQueue<>();
        client.onConnectionClosed(closed::add);
        client.invoke(address(), ECHO, Map.of(), null, TIMEOUT).get(5, TimeUnit.SECONDS);
        String address = address();

        server.close();
        server = startServer(0); // for stop()

        assertThat(closed.poll(5, TimeUnit.SECONDS)).isEqualTo(address);
    }

    @Test
    void closingTheClientFailsTheRequestsStillWaiting() throws Exception {
        CompletableFuture<RemotingCommand> call = client.invoke(address(), SILENT, Map.of(), null, TIMEOUT);
        assertThat(received.poll(5, TimeUnit.SECONDS)).as("request on the wire").isNotNull();

        client.close();

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }
}
