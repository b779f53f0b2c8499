package dev.bolide.broker.admin;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;

/**
 * GET_BROKER_CONFIG and UPDATE_BROKER_CONFIG (mqadmin {@code getBrokerConfig},
 * {@code updateBrokerConfig}). Get answers the running configuration as {@code key=value} lines
 * under RocketMQ's key names, then, after a comment saying so, the RocketMQ 4.9 keys the broker
 * does not read with RocketMQ's defaults, so that tools reading any key find it. Update checks the changed keys and saves them to the broker's
 * {@code broker.conf}; the keys the settings registry marks as applying at once (as RocketMQ's
 * {@code brokerPermission}) change in the running broker too, the others apply from the next
 * start, and the reply says which (RocketMQ applies some keys at once and others never until a
 * restart, without saying which).
 */
public final class BrokerConfigProcessor implements RequestProcessor {
    private final Map<String, String> runningConfig;
    private final Map<String, String> notRead;
    private final BrokerConfigUpdate update;
    private final Map<String, Consumer<String>> appliedAtOnce;

    /**
     * @param runningConfig the settings the broker reads, with their values
     * @param notRead       RocketMQ's keys it does not read, with RocketMQ's defaults
     * @param appliedAtOnce by key, what takes a new value into the running broker (the value was
     *                      checked when saved)
     */
    public BrokerConfigProcessor(Map<String, String> runningConfig, Map<String, String> notRead,
            BrokerConfigUpdate update, Map<String, Consumer<String>> appliedAtOnce) {
        this.runningConfig = new ConcurrentHashMap<>(runningConfig);
        this.notRead = Map.copyOf(notRead);
        this.update = update;
        this.appliedAtOnce = Map.copyOf(appliedAtOnce);
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
            Map<String, String> atOnce = new TreeMap<>(changed);
            atOnce.keySet().retainAll(appliedAtOnce.keySet());
            atOnce.forEach((key, value) -> {
                appliedAtOnce.get(key).accept(value);
                runningConfig.put(key, value);
            });
            changed.keySet().removeAll(atOnce.keySet());
            List<String> applied = new ArrayList<>();
            if (!atOnce.isEmpty()) {
                applied.add(atOnce.keySet() + " applied now");
            }
            if (!changed.isEmpty()) {
                applied.add(changed.keySet() + " applied when the broker restarts");
            }
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, "saved in " + savedIn + ": "
                    + String.join("; ", applied), null, null);
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
