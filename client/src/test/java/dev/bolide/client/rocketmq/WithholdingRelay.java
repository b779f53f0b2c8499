package dev.bolide.client.rocketmq;

import dev.bolide.broker.fixture.LoopbackBroker;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.remoting.RemotingClient;
import dev.bolide.remoting.RemotingServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Name server and broker of a client at once, in front of a real {@link LoopbackBroker}: it passes
 * every request on and every answer back, except that the broker's answer to the first send is
 * stored by the broker but never reaches the client, as when a loaded machine delays it past the
 * client's timeout. The routes it passes back name the relay instead of the broker, so that the
 * client's sends come through it too.
 */
final class WithholdingRelay implements AutoCloseable {
    private static final List<Integer> BROKER_CODES = List.of(RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT,
            BolideRequestCode.BRANCH_PREPARE, BolideRequestCode.BRANCH_COMMIT, BolideRequestCode.BRANCH_ROLLBACK);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final LoopbackBroker broker;
    private final RemotingClient upstream = new RemotingClient();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final RemotingServer server = new RemotingServer(new InetSocketAddress("127.0.0.1", 0));
    private final AtomicInteger sends = new AtomicInteger();

    WithholdingRelay(LoopbackBroker broker) throws InterruptedException {
        this.broker = broker;
        server.register(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                (channel, request) -> forward(broker.nameServer(), request, this::namingTheRelay), executor);
        for (int code : BROKER_CODES) {
            server.register(code, (channel, request) -> forward(broker.address(), request, body -> body), executor);
        }
        server.register(RequestCode.SEND_MESSAGE_V2, (channel, request) -> {
            CompletableFuture<RemotingCommand> stored = forward(broker.address(), request, body -> body);
            return sends.incrementAndGet() == 1 ? stored.thenCompose(answer -> new CompletableFuture<>()) : stored;
        }, executor);
        server.start();
    }

    /** {@code host:port} to give the client as its name server. */
    String address() {
        return "127.0.0.1:" + server.port();
    }

    /** How many sends reached the broker through the relay. */
    int sends() {
        return sends.get();
    }

    private CompletableFuture<RemotingCommand> forward(String address, RemotingCommand request,
            UnaryOperator<byte[]> body) {
        return upstream.invoke(address, request.code(), request.extFields(), request.body(), PATIENCE)
                .thenApply(answer -> RemotingCommand.responseTo(request, answer.code(), answer.remark(),
                        answer.extFields(), answer.body() == null ? null : body.apply(answer.body())));
    }

    private byte[] namingTheRelay(byte[] route) {
        return new String(route, StandardCharsets.UTF_8).replace(broker.address(), address())
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
        upstream.close();
        executor.shutdownNow();
    }
}
