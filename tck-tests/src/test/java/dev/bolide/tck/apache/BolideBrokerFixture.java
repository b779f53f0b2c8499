package dev.bolide.tck.apache;

import dev.bolide.tck.rocketmq.BrokerProcess;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Bolide broker process next to an {@link ApacheRocketMqBroker} (register it after that one, with
 * {@code @Order}), configured by {@code broker.conf} lines that may name the Apache fixture's
 * addresses, plus a RocketMQ remoting client to send it raw requests. Started before the test
 * class, stopped after it.
 */
final class BolideBrokerFixture implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<String[]> brokerConf;
    private Path directory;
    private BrokerProcess broker;
    private NettyRemotingClient client;

    /** @param brokerConf further {@code broker.conf} lines, asked for when the broker starts */
    BolideBrokerFixture(Supplier<String[]> brokerConf) {
        this.brokerConf = brokerConf;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("bolide-");
        broker = BrokerProcess.start(directory, brokerConf.get());
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (client != null) {
            client.shutdown();
        }
        if (broker != null) {
            broker.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    String address() {
        return "127.0.0.1:" + broker.brokerPort();
    }

    String nameServerAddress() {
        return broker.nameServerAddress();
    }

    /** Sends a request to {@code address} (this broker or another) and returns the answer. */
    RemotingCommand call(String address, int code, CommandCustomHeader header) throws Exception {
        return call(address, code, header, null);
    }

    /** As {@link #call(String, int, CommandCustomHeader)}, with a body. */
    RemotingCommand call(String address, int code, CommandCustomHeader header, byte[] body) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        return client.invokeSync(address, request, 10_000);
    }
}
