package dev.bolide.broker.admin;

import dev.bolide.broker.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GET_BROKER_CONFIG (mqadmin {@code getBrokerConfig}): the effective configuration as
 * {@code key=value} lines under RocketMQ's key names. UPDATE_BROKER_CONFIG is refused with an
 * explanation: Bolide reads its configuration once, at start, so a change that would silently not
 * apply (or apply to half the broker) is worse than a clear "edit broker.conf and restart".
 */
public final class BrokerConfigProcessor implements RequestProcessor {
    private final Map<String, String> effectiveConfig;

    public BrokerConfigProcessor(Map<String, String> effectiveConfig) {
        this.effectiveConfig = Map.copyOf(effectiveConfig);
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        RemotingCommand response = request.code() == RequestCode.GET_BROKER_CONFIG
                ? RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, propertiesText())
                : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "Bolide reads its configuration at start"
                        + " only: change broker.conf and restart the broker", null, null);
        return CompletableFuture.completedFuture(response);
    }

    private byte[] propertiesText() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(effectiveConfig).forEach((key, value) -> text.append(key).append('=').append(value)
                .append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
