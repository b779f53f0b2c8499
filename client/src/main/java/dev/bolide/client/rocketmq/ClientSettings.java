package dev.bolide.client.rocketmq;

import dev.bolide.remoting.ClientTls;
import java.time.Duration;

/**
 * How a {@link RocketMqClient} reaches the cluster.
 *
 * @param nameServers    {@code host:port} list separated by {@code ;}, tried in order
 * @param instanceName   the part of the client id after {@code ip@}; unique per client instance
 * @param requestTimeout how long a request may wait for its answer (long polls get their hold time on top)
 * @param routeRefresh   how often routes and heartbeats are renewed (RocketMQ: 30 s)
 * @param tls            TLS on every connection, to name servers and brokers; null: plain connections
 */
public record ClientSettings(String nameServers, String instanceName, Duration requestTimeout,
        Duration routeRefresh, ClientTls tls) {
    public ClientSettings {
        if (nameServers == null || nameServers.isBlank()) {
            throw new IllegalArgumentException("no name server address");
        }
        if (instanceName == null || instanceName.isBlank()) {
            throw new IllegalArgumentException("instanceName must not be blank");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || routeRefresh.isNegative()
                || routeRefresh.isZero()) {
            throw new IllegalArgumentException("requestTimeout and routeRefresh must be positive");
        }
    }

    /** RocketMQ's defaults: 3 s requests, 30 s refresh, an instance name of pid and clock. */
    public static ClientSettings of(String nameServers) {
        return new ClientSettings(nameServers, ProcessHandle.current().pid() + "#" + System.nanoTime(),
                Duration.ofSeconds(3), Duration.ofSeconds(30), null);
    }

    public ClientSettings withRequestTimeout(Duration timeout) {
        return new ClientSettings(nameServers, instanceName, timeout, routeRefresh, tls);
    }

    public ClientSettings withRouteRefresh(Duration refresh) {
        return new ClientSettings(nameServers, instanceName, requestTimeout, refresh, tls);
    }

    /** These settings, over TLS ({@code clientTls}; null: plain). */
    public ClientSettings withTls(ClientTls clientTls) {
        return new ClientSettings(nameServers, instanceName, requestTimeout, routeRefresh, clientTls);
    }
}
