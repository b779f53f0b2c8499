package dev.bolide.broker.namesrv;

import dev.bolide.remoting.RemotingServer;
import dev.bolide.protocol.remoting.RequestCode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The embedded name server: a {@link RouteTable} served on its own port to clients (routes) and
 * brokers (registration), with RocketMQ's liveness rules: every {@link #SCAN_PERIOD} (the first
 * scan after {@link #FIRST_SCAN}) brokers that stopped registering are removed, and a broker's
 * entry goes as soon as the connection it registered over closes.
 */
public final class NameServer implements AutoCloseable {
    static final Duration FIRST_SCAN = Duration.ofSeconds(5);
    static final Duration SCAN_PERIOD = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(NameServer.class.getName());

    private final RouteTable routes;
    private final RemotingServer server;
    private final ScheduledFuture<?> scan;

    private NameServer(RouteTable routes, RemotingServer server, ScheduledFuture<?> scan) {
        this.routes = routes;
        this.server = server;
        this.scan = scan;
    }

    /**
     * Serves {@code routes} on {@code address} (port 0 picks a free one).
     *
     * @param executor  runs the requests
     * @param scheduler runs the liveness scan
     */
    public static NameServer start(InetSocketAddress address, RouteTable routes, Executor executor,
            ScheduledExecutorService scheduler) throws InterruptedException {
        NameServerProcessor queries = new NameServerProcessor(routes);
        BrokerRegistrationProcessor registrations = new BrokerRegistrationProcessor(routes);
        RemotingServer server = new RemotingServer(address);
        server
                .register(RequestCode.GET_ROUTEINFO_BY_TOPIC, queries, executor)
                .register(RequestCode.GET_BROKER_CLUSTER_INFO, queries, executor)
                .register(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, queries, executor)
                .register(RequestCode.REGISTER_BROKER, registrations, executor)
                .register(RequestCode.UNREGISTER_BROKER, registrations, executor)
                .register(RequestCode.QUERY_DATA_VERSION, registrations, executor)
                .onConnectionClosed(connection -> log("connection closed", routes.connectionClosed(connection)));
        try {
            server.start();
        } catch (InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        ScheduledFuture<?> scan = scheduler.scheduleWithFixedDelay(
                () -> log("not registered for " + RouteTable.EXPIRY.toSeconds() + " s", routes.removeExpired()),
                FIRST_SCAN.toMillis(), SCAN_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return new NameServer(routes, server, scan);
    }

    private static void log(String reason, List<String> removed) {
        for (String address : removed) {
            LOG.log(System.Logger.Level.INFO, "broker {0} removed from the routes: {1}", address, reason);
        }
    }

    public RouteTable routes() {
        return routes;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        scan.cancel(false);
        server.close();
    }
}
