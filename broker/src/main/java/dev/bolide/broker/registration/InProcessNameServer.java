package dev.bolide.broker.registration;

import dev.bolide.broker.namesrv.BrokerIdentity;
import dev.bolide.broker.namesrv.RouteTable;
import dev.bolide.broker.topic.VersionedTopics;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The name server embedded in this process, registered with directly in its {@link RouteTable}
 * (no connection, so the entry lives as long as the periodic registration refreshes it).
 */
public final class InProcessNameServer implements NameServerEndpoint {
    private final RouteTable routes;

    public InProcessNameServer(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public CompletableFuture<Optional<RouteTable.Master>> register(BrokerIdentity broker, VersionedTopics topics) {
        return CompletableFuture.completedFuture(routes.register(broker, topics, null));
    }

    @Override
    public CompletableFuture<Void> unregister(BrokerIdentity broker) {
        routes.unregister(broker.brokerName(), broker.address());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String toString() {
        return "the embedded name server";
    }
}
