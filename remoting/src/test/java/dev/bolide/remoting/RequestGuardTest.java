package dev.bolide.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bolide.protocol.remoting.LanguageCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.protocol.remoting.SerializeType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A guarded server: refused requests never reach their processor, and a guard that throws refuses. */
class RequestGuardTest {
    private static final int COUNT = 1000;
    private static final String REFUSE = "refuse";
    private static final String THROW = "throw";

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AtomicInteger processed = new AtomicInteger();
    private RemotingServer server;

    @BeforeEach
    void start() throws InterruptedException {
        RequestGuard guard = (channel, request) -> {
            if (request.field(THROW) != null) {
                throw new IllegalStateException("guard broken");
            }
            return request.field(REFUSE) == null ? Optional.empty()
                    : Optional.of(new RequestGuard.Refusal(ResponseCode.NO_PERMISSION, "not you"));
        };
        server = new RemotingServer(new InetSocketAddress("127.0.0.1", 0))
                .register(COUNT, (channel, request) -> {
                    processed.incrementAndGet();
                    return CompletableFuture.completedFuture(
                            RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null));
                }, executor)
                .guardedBy(guard)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    private static RemotingCommand request(int opaque, Map<String, String> fields) {
        return new RemotingCommand(COUNT, LanguageCode.JAVA, 409, opaque, 0, null, fields, null, SerializeType.JSON);
    }

    @Test
    void aRefusedRequestIsAnsweredWithTheRefusalAndNeverProcessed() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(request(1, Map.of(REFUSE, "yes")));

            RemotingCommand response = client.receive();
            assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
            assertThat(response.remark()).isEqualTo("not you");
            assertThat(response.opaque()).isEqualTo(1);
            assertThat(processed).hasValue(0);
        }
    }

    @Test
    void aGuardThatThrowsRefusesWithSystemError() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(request(2, Map.of(THROW, "yes")));

            RemotingCommand response = client.receive();
            assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
            assertThat(response.remark()).contains("guard broken");
            assertThat(processed).hasValue(0);
        }
    }

    @Test
    void anAdmittedRequestReachesItsProcessor() throws IOException {
        try (FrameClient client = new FrameClient(server.port())) {
            client.send(request(3, Map.of()));

            assertThat(client.receive().code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(processed).hasValue(1);
        }
    }
}
