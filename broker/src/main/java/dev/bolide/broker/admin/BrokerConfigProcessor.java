package dev.bolide.broker.admin;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * GET_BROKER_CONFIG and UPDATE_BROKER_CONFIG (mqadmin {@code getBrokerConfig},
 * {@code updateBrokerConfig}). Get answers the running configuration as {@code key=value} lines
 * under RocketMQ's key names, then, after a comment saying so, the RocketMQ 4.9 keys the broker
 * does not read with RocketMQ's defaults, so that tools reading any key find it. Update checks the changed keys and saves them to the broker's
 * {@code broker.conf}; since Bolide reads its configuration once, at start, they apply from the
 * next start, and the reply says so (RocketMQ applies some keys at once and others never until a
 * restart, without saying which).
 */
public final class BrokerConfigProcessor implements RequestProcessor {
    private final Map<String, String> runningConfig;
    private final Map<String, String> notRead;
    private final BrokerConfigUpdate update;

    /**
     * @param runningConfig the settings the broker reads, with their values
     * @param notRead       RocketMQ's keys it does not read, with RocketMQ's defaults
     */
    public BrokerConfigProcessor(Map<String, String> runningConfig, Map<String, String> notRead,
            BrokerConfigUpdate update) {
        this.runningConfig = Map.copyOf(runningConfig);
        this.notRead = Map.copyOf(notRead);
        this.update = update;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        RemotingCommand response = request.code() == RequestCode.GET_BROKER_CONFIG
                ? RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, propertiesText())
                : update(request);
        return CompletableFuture.completedFuture(response);
    }

    private RemotingCommand update(RemotingCommand request) throws IOException {
        if (request.body() == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "no configuration to update", null,
                    null);
        }
        Properties changes = new Properties();
        changes.load(new StringReader(new String(request.body(), StandardCharsets.UTF_8)));
        Map<String, String> changed = new TreeMap<>();
        changes.stringPropertyNames().forEach(key -> changed.put(key, changes.getProperty(key).trim()));
        try {
            String savedIn = update.save(changed);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, "saved " + changed.keySet() + " in "
                    + savedIn + "; they apply when the broker restarts", null, null);
        } catch (IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null);
        }
    }

    private byte[] propertiesText() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(runningConfig).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        text.append("# RocketMQ 4.9 keys this broker does not read, with RocketMQ's defaults\n");
        new TreeMap<>(notRead).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
