package dev.bolide.broker.namesrv;

import dev.bolide.remoting.RemotingServer;
import dev.bolide.remoting.RequestGuard;
import dev.bolide.remoting.ServerTls;
import dev.bolide.protocol.remoting.RequestCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The embedded name server: a {@link RouteTable} served on its own port to clients (routes),
 * brokers (registration) and mqadmin (route changes, {@link KvConfigTable}, settings), with RocketMQ's liveness rules: every {@link #SCAN_PERIOD} (the first
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
     * A name server on its own ({@code mqnamesrv}): serves {@code routes}, with the key-value
     * configuration where RocketMQ's name server keeps it by default, {@code ~/namesrv/kvConfig.json},
     * every connection handled as {@code tls}'s mode says.
     *
     * @see #start(InetSocketAddress, RouteTable, KvConfigTable, Executor, ScheduledExecutorService)
     */
    public static NameServer start(InetSocketAddress address, RouteTable routes, Executor executor,
            ScheduledExecutorService scheduler, ServerTls tls) throws IOException, InterruptedException {
        Path kvConfig = Path.of(System.getProperty("user.home"), "namesrv", "kvConfig.json");
        return start(address, routes, KvConfigTable.load(kvConfig), executor, scheduler, RequestGuard.ADMIT_ALL, tls);
    }

    /**
     * Serves {@code routes} and {@code kvConfig} on {@code address} (port 0 picks a free one).
     *
     * @param executor  runs the requests
     * @param scheduler runs the liveness scan
     */
    public static NameServer start(InetSocketAddress address, RouteTable routes, KvConfigTable kvConfig,
            Executor executor, ScheduledExecutorService scheduler) throws InterruptedException {
        return start(address, routes, kvConfig, executor, scheduler, RequestGuard.ADMIT_ALL);
    }

    /**
     * As {@link #start(InetSocketAddress, RouteTable, KvConfigTable, Executor, ScheduledExecutorService)},
     * every request checked by {@code guard} (access control of a broker's embedded name server).
     */
    public static NameServer start(InetSocketAddress address, RouteTable routes, KvConfigTable kvConfig,
            Executor executor, ScheduledExecutorService scheduler, RequestGuard guard) throws InterruptedException {
        return start(address, routes, kvConfig, executor, scheduler, guard, ServerTls.DISABLED);
    }

    /** As the others, with every connection handled as {@code tls}'s mode says. */
    public static NameServer start(InetSocketAddress address, RouteTable routes, KvConfigTable kvConfig,
            Executor executor, ScheduledExecutorService scheduler, RequestGuard guard, ServerTls tls)
            throws InterruptedException {
        NameServerConfig config = new NameServerConfig(kvConfig.path());
        RemotingServer server = serve(new RemotingServer(address).guardedBy(guard).securedBy(tls), routes, kvConfig,
                config, executor);
        try {
            server.start();
        } catch (InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        config.listenPort(server.port());
        ScheduledFuture<?> scan = scheduler.scheduleWithFixedDelay(
                () -> log("not registered for " + RouteTable.EXPIRY.toSeconds() + " s", routes.removeExpired()),
                FIRST_SCAN.toMillis(), SCAN_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return new NameServer(routes, server, scan);
    }

    private static RemotingServer serve(RemotingServer server, RouteTable routes, KvConfigTable kvConfig,
            NameServerConfig config, Executor executor) {
        NameServerProcessor queries = new NameServerProcessor(routes, kvConfig, config);
        BrokerRegistrationProcessor registrations = new BrokerRegistrationProcessor(routes, kvConfig);
        RouteAdminProcessor routeAdmin = new RouteAdminProcessor(routes);
        KvConfigProcessor kv = new KvConfigProcessor(kvConfig);
        NameServerConfigProcessor configRequests = new NameServerConfigProcessor(config);
        return server
                .register(RequestCode.GET_ROUTEINFO_BY_TOPIC, queries, executor)
                .register(RequestCode.GET_BROKER_CLUSTER_INFO, queries, executor)
                .register(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, queries, executor)
                .register(RequestCode.GET_TOPICS_BY_CLUSTER, queries, executor)
                .register(RequestCode.REGISTER_BROKER, registrations, executor)
                .register(RequestCode.UNREGISTER_BROKER, registrations, executor)
                .register(RequestCode.QUERY_DATA_VERSION, registrations, executor)
                .register(RequestCode.DELETE_TOPIC_IN_NAMESRV, routeAdmin, executor)
                .register(RequestCode.WIPE_WRITE_PERM_OF_BROKER, routeAdmin, executor)
                .register(RequestCode.ADD_WRITE_PERM_OF_BROKER, routeAdmin, executor)
                .register(RequestCode.PUT_KV_CONFIG, kv, executor)
                .register(RequestCode.GET_KV_CONFIG, kv, executor)
                .register(RequestCode.DELETE_KV_CONFIG, kv, executor)
                .register(RequestCode.GET_KVLIST_BY_NAMESPACE, kv, executor)
                .register(RequestCode.GET_NAMESRV_CONFIG, configRequests, executor)
                .register(RequestCode.UPDATE_NAMESRV_CONFIG, configRequests, executor)
                .onConnectionClosed(connection -> log("connection closed", routes.connectionClosed(connection)));
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
