package dev.bolide.broker.namesrv;

import dev.bolide.remoting.RequestProcessor;
import dev.bolide.remoting.UnsupportedRequest;
import dev.bolide.protocol.remoting.RemotingCommand;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.protocol.remoting.ResponseCode;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * The client-facing name server requests: GET_ROUTEINFO_BY_TOPIC (with the topic's order
 * configuration when {@code orderMessageEnable} is on), GET_BROKER_CLUSTER_INFO,
 * GET_ALL_TOPIC_LIST_FROM_NAMESERVER and GET_TOPICS_BY_CLUSTER. Brokers register through {@link BrokerRegistrationProcessor}.
 */
public final class NameServerProcessor implements RequestProcessor {
    private final RouteTable routes;
    private final KvConfigTable kvConfig;
    private final NameServerConfig config;

    NameServerProcessor(RouteTable routes, KvConfigTable kvConfig, NameServerConfig config) {
        this.routes = routes;
        this.kvConfig = kvConfig;
        this.config = config;
    }

    @Override
    public CompletableFuture<RemotingCommand> process(Channel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.GET_ROUTEINFO_BY_TOPIC -> route(request);
            case RequestCode.GET_BROKER_CLUSTER_INFO -> ok(request, RouteJson.clusterInfo(routes.brokers()));
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER -> ok(request, RouteJson.topicList(routes.topicNames()));
            case RequestCode.GET_TOPICS_BY_CLUSTER -> ok(request,
                    RouteJson.topicList(routes.topicNames(request.requiredField("cluster"))));
            default -> UnsupportedRequest.answer(request);
        });
    }

    private RemotingCommand route(RemotingCommand request) {
        String topic = request.field("topic") == null ? "" : request.field("topic");
        // as in RocketMQ, the order configuration travels with the route only when the setting asks for it
        String orderTopicConf = config.orderMessageEnable()
                ? kvConfig.get(KvConfigTable.ORDER_TOPIC_CONFIG, topic).orElse(null) : null;
        return routes.route(topic).map(route -> ok(request, RouteJson.topicRoute(route, orderTopicConf)))
                .orElseGet(() -> RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                        "No topic route info in name server for the topic: " + topic, null, null));
    }

    private static RemotingCommand ok(RemotingCommand request, byte[] body) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, body);
    }
}
