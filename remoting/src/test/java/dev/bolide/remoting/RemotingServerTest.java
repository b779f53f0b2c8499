package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemotingServerTest {
    private static final int ECHO = 1000;
    private static final int FAIL = 1001;
    /** Asks the client with ASKED and answers with the client's answer. */
    private static final int ASK_CLIENT = 1002;
    private static final int ASKED = 2000;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private RemotingServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new RemotingServer(new InetSocketAddress("127.0.0.1", 0))
                .register(ECHO, (channel, request) -> CompletableFuture.completedFuture(
                        RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, request.extFields(),
                                request.body())), executor)
                .register(FAIL, (channel, request) -> {
                    throw new IllegalStateException("broken processor");
                }, executor);
        server.register(ASK_CLIENT, (channel, request) -> server.invoke(channel, ASKED, Map.of("q", "1"), null,
                Duration.ofMillis(Long.parseLong(request.field("timeout")))).handle((answer, failure) ->
                        answer != null ? RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null,
                                answer.body())
                                : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, failure.getMessage(),
                                        null, null)), executor)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    private static RemotingCommand request(int code, int opaque, SerializeType type, int flag) {
        return new RemotingCommand(code, LanguageCode.JAVA, 409, opaque, flag, null, Map.of("k", "v"),
                new byte[] {7}, type);
    }

    @Test
    void answersWithTheRequestsOpaqueInTheRequestsSerializeType() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            for (SerializeType type : SerializeType.values()) {
                client.send(request(ECHO, 41, type, 0));

                RemotingCommand response = client.receive();
                assertThat(response.isResponse()).isTrue();
                assertThat(response.opaque()).isEqualTo(41);
                assertThat(response.serializeType()).isEqualTo(type);
                assertThat(response.extFields()).containsEntry("k", "v");
                assertThat(response.body()).containsExactly(7);
            }
        }
    }

    @Test
    void anUnknownCodeGetsRequestCodeNotSupported() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(request(4242, 1, SerializeType.JSON, 0));

            RemotingCommand response = client.receive();
            assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
            assertThat(response.remark())
                    .isEqualTo("request code 4242 is not a RocketMQ 4.9 request and is not supported by Bolide");
        }
    }

    @Test
    void aRocketMqCodeNobodyServesIsRefusedByItsName() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(request(RequestCode.VIEW_BROKER_STATS_DATA, 1, SerializeType.JSON, 0));

            RemotingCommand response = client.receive();
            assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
            assertThat(response.remark()).isEqualTo("request code 315 (VIEW_BROKER_STATS_DATA) is not supported by Bolide");
        }
    }

    @Test
    void aFailingProcessorGetsSystemErrorWithTheReason() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(request(FAIL, 2, SerializeType.JSON, 0));

            RemotingCommand response = client.receive();
            assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(response.remark()).contains("broken processor");
        }
    }

    @Test
    void onewayRequestsNeverGetAnAnswerEvenOnError() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(request(4242, 1, SerializeType.JSON, RemotingCommand.ONEWAY_FLAG));
            client.send(request(FAIL, 2, SerializeType.JSON, RemotingCommand.ONEWAY_FLAG));
            client.send(request(ECHO, 3, SerializeType.JSON, 0));

            assertThat(client.receive().opaque()).isEqualTo(3);
        }
    }

    @Test
    void aMalformedFrameClosesOnlyItsOwnConnection() throws IOException {
        try (FrameClient bad = new FrameClient(server.port()); FrameClient good = new FrameClient(server.port())) {
            bad.writeRaw(ByteBuffer.allocate(12).putInt(8).putInt(0x00_00_00_40).putInt(0).array());

            assertThat(bad.isClosedByServer()).isTrue();
            good.send(request(ECHO, 9, SerializeType.JSON, 0));
            assertThat(good.receive().opaque()).isEqualTo(9);
        }
    }

    @Test
    void anOversizedLengthClosesTheConnectionWithoutWaitingForTheBytes() throws IOException {
        try (FrameClient bad = new FrameClient(server.port()); FrameClient good = new FrameClient(server.port())) {
            bad.writeRaw(ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array());

            assertThat(bad.isClosedByServer()).isTrue();
            good.send(request(ECHO, 10, SerializeType.ROCKETMQ, 0));
            assertThat(good.receive().opaque()).isEqualTo(10);
        }
    }

    @Test
    void randomBytesNeverStopTheServer() throws IOException {
        Random random = new Random();
        for (int round = 0; round < 20; round++) {
            byte[] garbage = new byte[1 + random.nextInt(200)];
            random.nextBytes(garbage);
            try (FrameClient bad = new FrameClient(server.port())) {
                bad.writeRaw(garbage);
            }
        }
        try (FrameClient good = new FrameClient(server.port())) {
            good.send(request(ECHO, 11, SerializeType.JSON, 0));
            assertThat(good.receive().opaque()).isEqualTo(11);
        }
    }

    @Test
    void aProcessorCanAskTheClientAndAnswerWithItsResponse() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(RemotingCommand.request(ASK_CLIENT, 5, Map.of("timeout", "5000"), null));

            RemotingCommand asked = client.receive();
            client.send(RemotingCommand.responseTo(asked, ResponseCode.SUCCESS, null, null, new byte[] {9}));

            RemotingCommand answer = client.receive();
            assertThat(asked.code()).isEqualTo(ASKED);
            assertThat(asked.field("q")).isEqualTo("1");
            assertThat(answer.opaque()).isEqualTo(5);
            assertThat(answer.body()).containsExactly(9);
        }
    }

    @Test
    void aClientThatDoesNotAnswerTimesTheCallOut() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(RemotingCommand.request(ASK_CLIENT, 6, Map.of("timeout", "200"), null));

            assertThat(client.receive().code()).isEqualTo(ASKED);
            RemotingCommand answer = client.receive();
            assertThat(answer.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(answer.remark()).contains("no response", "within 200 ms");
        }
    }
}
