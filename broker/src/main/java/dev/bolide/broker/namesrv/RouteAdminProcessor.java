package dev.bolide.broker.namesrv;

import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import dev.bolide.remoting.RequestProcessor;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What mqadmin changes in the routes themselves: DELETE_TOPIC_IN_NAMESRV ({@code deleteTopic},
 * after the brokers deleted it), WIPE_WRITE_PERM_OF_BROKER and ADD_WRITE_PERM_OF_BROKER
 * ({@code wipeWritePerm}, {@code addWritePerm}, answered with the number of topics changed).
 */
final class RouteAdminProcessor implements RequestProcessor {
    private static final System.Logger LOG = System.getLogger(RouteAdminProcessor.class.getName());

    private final RouteTable routes;

    RouteAdminProcessor(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.DELETE_TOPIC_IN_NAMESRV -> {
                routes.deleteTopic(request.requiredField("topic"), request.field("clusterName"));
                yield RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, null);
            }
            case RequestCode.WIPE_WRITE_PERM_OF_BROKER -> writePermission(channel, request, false, "wipeTopicCount");
            default -> writePermission(channel, request, true, "addTopicCount");
        });
    }

    private RemotingCommand writePermission(Channel channel, RemotingCommand request, boolean writable,
            String countField) {
        String brokerName = request.requiredField("brokerName");
        int count = routes.setWritable(brokerName, writable);
        LOG.log(System.Logger.Level.INFO, "{0} write permission of broker {1} on {2} topics, asked by {3}",
                writable ? "added" : "wiped", brokerName, count, channel.remoteAddress());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                Map.of(countField, Integer.toString(count)), null);
    }
}
