package dev.bolide.broker.registration;

import dev.bolide.broker.namesrv.BrokerIdentity;
import dev.bolide.broker.topic.VersionedTopics;
import dev.bolide.broker.namesrv.RouteTable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One name server a broker registers with. The futures complete when the name server accepted
 * the request and fail when it refused or could not be reached; they never block the caller.
 */
public interface NameServerEndpoint {
    /**
     * REGISTER_BROKER: the broker and its whole topic table. Completes with what the name server
     * answers a slave: its master's addresses, as far as it knows them; empty for a master.
     */
    CompletableFuture<Optional<RouteTable.Master>> register(BrokerIdentity broker, VersionedTopics topics);

    /** UNREGISTER_BROKER: the broker is going away. */
    CompletableFuture<Void> unregister(BrokerIdentity broker);
}
