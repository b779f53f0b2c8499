package dev.bolide.broker.namesrv;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * GET_NAMESRV_CONFIG and UPDATE_NAMESRV_CONFIG: the {@link NameServerConfig} as a properties text
 * body ({@code key=value} lines, what the tools parse). Path keys are refused with RocketMQ's answer;
 * other keys Bolide cannot change are refused with one that names them.
 */
final class NameServerConfigProcessor implements RequestProcessor {
    private final NameServerConfig config;

    NameServerConfigProcessor(NameServerConfig config) {
        this.config = config;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) throws IOException {
        return CompletableFuture.completedFuture(request.code() == RequestCode.GET_NAMESRV_CONFIG
                ? RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, text(config.asProperties()))
                : update(request));
    }

    private RemotingCommand update(RemotingCommand request) throws IOException {
        Map<String, String> changes = parse(request.body());
        if (changes.containsKey("kvConfigPath") || changes.containsKey("configStorePath")) {
            return RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION, "Can not update config path", null,
                    null);
        }
        try {
            config.update(changes);
        } catch (IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage(), null, null);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
    }

    private static Map<String, String> parse(byte[] body) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
        return properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(key -> key, key -> properties.getProperty(key).trim(), (a, b) -> b,
                        TreeMap::new));
    }

    private static byte[] text(Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
