package dev.bolide.broker;

import dev.bolide.broker.acl.AclAdminProcessor;
import dev.bolide.broker.acl.AclFileException;
import dev.bolide.broker.acl.AclFileLocation;
import dev.bolide.broker.acl.WatchedAclFile;
import dev.bolide.broker.admin.BrokerConfigProcessor;
import dev.bolide.broker.config.BrokerPermission;
import dev.bolide.broker.config.BrokerRole;
import dev.bolide.broker.config.RocketMqDefaults;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.admin.BrokerConfigUpdate;
import dev.bolide.broker.admin.BrokerConsumeStatsProcessor;
import dev.bolide.broker.admin.RequestPools;
import dev.bolide.broker.admin.BrokerRuntimeProcessor;
import dev.bolide.broker.admin.BrokerStatsDataProcessor;
import dev.bolide.broker.admin.CloneGroupOffsetProcessor;
import dev.bolide.broker.admin.ConnectionListProcessor;
import dev.bolide.broker.admin.ConsumeStatsProcessor;
import dev.bolide.broker.admin.ConsumerCallProcessor;
import dev.bolide.broker.admin.ConsumerStatusProcessor;
import dev.bolide.broker.admin.ProducerTableProcessor;
import dev.bolide.broker.admin.QueryConsumeQueueProcessor;
import dev.bolide.broker.admin.OffsetReset;
import dev.bolide.broker.admin.ResetOffsetProcessor;
import dev.bolide.broker.admin.StoreCleaningProcessor;
import dev.bolide.broker.admin.TopicConsumersProcessor;
import dev.bolide.broker.admin.TopicStatsProcessor;
import dev.bolide.broker.client.ClientRequestProcessor;
import dev.bolide.broker.console.ClusterView;
import dev.bolide.broker.console.ConnectionsView;
import dev.bolide.broker.console.ConsoleServer;
import dev.bolide.broker.console.GroupsView;
import dev.bolide.broker.console.MetricsPage;
import dev.bolide.broker.console.TimersView;
import dev.bolide.broker.console.TopicsView;
import dev.bolide.broker.client.ConsumerGroups;
import dev.bolide.broker.client.ProducerGroups;
import dev.bolide.broker.client.QueueLockProcessor;
import dev.bolide.broker.client.QueueLocks;
import dev.bolide.broker.filter.CheckClientConfigProcessor;
import dev.bolide.broker.filter.SubscriptionFilters;
import dev.bolide.broker.group.SubscriptionGroupAdminProcessor;
import dev.bolide.broker.group.SubscriptionGroupTable;
import dev.bolide.broker.ha.Replication;
import dev.bolide.broker.metadata.MetadataFile;
import dev.bolide.broker.metrics.BrokerMetrics;
import dev.bolide.broker.metrics.CommitLogMeters;
import dev.bolide.broker.metrics.HalfMessageMeters;
import dev.bolide.broker.metrics.ConsumerLagMeters;
import dev.bolide.broker.metrics.TimedRequests;
import dev.bolide.broker.metrics.TimerMeters;
import dev.bolide.broker.metrics.TrafficMeters;
import dev.bolide.broker.metrics.ReplicationLagMeters;
import dev.bolide.broker.metrics.StoreLatencyFigures;
import dev.bolide.broker.metrics.XaBranchMeters;
import dev.bolide.broker.namesrv.BrokerIdentity;
import dev.bolide.broker.namesrv.KvConfigTable;
import dev.bolide.broker.namesrv.NameServer;
import dev.bolide.broker.namesrv.RouteTable;
import dev.bolide.broker.offset.ConsumerOffsetProcessor;
import dev.bolide.broker.offset.ConsumerOffsets;
import dev.bolide.broker.pull.HeldOffsets;
import dev.bolide.broker.offset.UnconsumedMessages;
import dev.bolide.broker.pull.HeldPulls;
import dev.bolide.broker.query.QueryMessageProcessor;
import dev.bolide.broker.pull.PullMessageProcessor;
import dev.bolide.broker.pull.PullRouting;
import dev.bolide.broker.registration.InProcessNameServer;
import dev.bolide.broker.registration.NameServerEndpoint;
import dev.bolide.broker.registration.NameServerRegistration;
import dev.bolide.broker.registration.RemoteNameServer;
import dev.bolide.remoting.ClientTls;
import dev.bolide.remoting.RemotingClient;
import dev.bolide.remoting.RemotingServer;
import dev.bolide.remoting.RequestGuard;
import dev.bolide.remoting.RequestLane;
import dev.bolide.remoting.RequestProcessor;
import dev.bolide.remoting.ServerRequestHandler;
import dev.bolide.remoting.ServerTls;
import dev.bolide.remoting.TlsMode;
import dev.bolide.remoting.TlsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import dev.bolide.broker.retry.DeadLetterResend;
import dev.bolide.broker.retry.DeadLetterResendProcessor;
import dev.bolide.broker.retry.ExhaustedRetries;
import dev.bolide.broker.retry.RetryTopics;
import dev.bolide.broker.retry.SendBackProcessor;
import dev.bolide.broker.schedule.DelayedSends;
import dev.bolide.broker.schedule.DueTimes;
import dev.bolide.broker.schedule.ScheduleService;
import dev.bolide.broker.send.CommittedSends;
import dev.bolide.broker.send.SendMessageProcessor;
import dev.bolide.broker.send.WritePermissionGate;
import dev.bolide.broker.slave.MasterMetadataProcessor;
import dev.bolide.broker.slave.SlaveRefusals;
import dev.bolide.broker.slave.MasterEnd;
import dev.bolide.broker.slave.SlaveSynchronize;
import dev.bolide.broker.stats.BrokerStats;
import dev.bolide.broker.timer.TimerService;
import dev.bolide.broker.topic.SystemTopics;
import dev.bolide.broker.topic.TopicAdminProcessor;
import dev.bolide.broker.topic.TopicConfigTable;
import dev.bolide.broker.topic.TopicDeletion;
import dev.bolide.broker.topic.TopicListingProcessor;
import dev.bolide.broker.transaction.TransactionService;
import dev.bolide.protocol.remoting.BolideRequestCode;
import dev.bolide.protocol.remoting.RequestCode;
import dev.bolide.store.MessageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One Bolide process: the store, the broker's request processors on {@code listenPort} (and on
 * {@code listenPort - 2}, the {@link VipChannel}), the
 * embedded name server on {@code namesrvListenPort} (unless disabled), and the broker's
 * registration with its name servers: the embedded one in-process, or those of
 * {@code namesrvAddr} over the network (see {@link BrokerSettings}).
 */
public final class BolideBroker implements AutoCloseable {
    private static final int OFFSET_FLUSH_SECONDS = 5;
    /** RocketMQ's {@code rocketmq.broker.rebalance.lockMaxLiveTime}. */
    private static final long LOCK_MAX_LIVE_MILLIS = 60_000;

    private final MessageStore store;
    private final ConsumerOffsets offsets;
    private final HeldPulls heldPulls = new HeldPulls();
    private final BrokerStats stats = new BrokerStats(Clock.systemDefaultZone());
    /**
     * One request at a time, as RocketMQ's default {@code sendMessageThreadPoolNums} of 1: the
     * requests of a connection are stored in the order they arrive, which pipelined sends rely on
     * (a transaction's half messages, asynchronous sends, the messages of one ordering key). Sends,
     * transaction ends and send-backs never block (appends and decisions complete their futures when
     * the disk has them), so an idle lane runs them on the connection's I/O thread; XA branch
     * requests, which may force the disk, go to the lane's own thread.
     */
    private final RequestLane sendLane = new RequestLane("bolide-send");
    private final ThreadPoolExecutor pullExecutor = (ThreadPoolExecutor) Executors.newFixedThreadPool(4,
            daemon("bolide-pull"));
    private final ThreadPoolExecutor adminExecutor = (ThreadPoolExecutor) Executors.newFixedThreadPool(2,
            daemon("bolide-admin"));
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            daemon("bolide-housekeeping"));
    private RemotingServer brokerServer;
    private TlsMode tlsMode;
    private NameServer nameServer;
    /** The broker's own requests: to name servers, a slave's to its master; null when it makes none. */
    private RemotingClient outboundClient;
    /** Volatile: a slave's replication thread asks it for the master's HA address. */
    private volatile NameServerRegistration registration;
    private TimerService timers;
    private TransactionService transactions;
    private ScheduleService schedule;
    /** Null when {@code consoleListenPort = -1}: no meters, nothing recorded. */
    private BrokerMetrics metrics;
    private ConsoleServer console;
    /** Volatile: runtime info requests ask it for the master's CommitLog end. */
    private volatile SlaveSynchronize slaveSync;
    private Replication replication;
    private BrokerPermission permission;

    private BolideBroker(MessageStore store, ConsumerOffsets offsets) {
        this.store = store;
        this.offsets = offsets;
    }

    /** A broker not started from a {@code broker.conf}: configuration updates are refused. */
    public static BolideBroker start(BrokerSettings settings) throws IOException, InterruptedException {
        return start(settings, BrokerConfigUpdate.NOT_FROM_A_FILE);
    }

    /**
     * @param configUpdate where UPDATE_BROKER_CONFIG saves changes
     * @throws IllegalArgumentException naming the file, when {@code aclEnable} is set and the ACL file
     *         cannot be used: the broker does not start rather than serve without access control; and
     *         naming the key and file, when the TLS asked for cannot be set up
     */
    public static BolideBroker start(BrokerSettings settings, BrokerConfigUpdate configUpdate)
            throws IOException, InterruptedException {
        WatchedAclFile acl = settings.aclEnable() ? aclFile(settings) : null;
        OwnAccount own = ownAccount(settings, acl);
        Tls tls = Tls.load(settings);
        Path configDir = settings.storeConfig().storePathRootDir().resolve("config");
        MessageStore store = MessageStore.open(settings.storeConfig(),
                new DueTimes(settings.schedule().messageDelayLevel()));
        BolideBroker broker = null;
        try {
            ConsumerOffsets offsets = ConsumerOffsets.load(new MetadataFile(configDir.resolve("consumerOffset.json")));
            broker = new BolideBroker(store, offsets);
            store.setRetentionFloor(new UnconsumedMessages(offsets, store));
            if (!isSlave(settings)) {
                // a slave keeps the records (its CommitLog is the master's) and decides nothing
                broker.timers = TimerService.start(store, settings.storeConfig(), settings.timer());
                broker.schedule = ScheduleService.start(store, settings.schedule(), configDir);
            } else {
                TimerService.yieldToMaster(store, settings.storeConfig());
            }
            broker.startServers(settings, configDir, configUpdate, acl, tls, own);
            return broker;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (broker != null) {
                broker.close();
            } else {
                store.close();
            }
            throw e;
        }
    }

    private static boolean isSlave(BrokerSettings settings) {
        return settings.get(Settings.BROKER_ROLE) == BrokerRole.SLAVE;
    }

    private static WatchedAclFile aclFile(BrokerSettings settings) {
        try {
            return WatchedAclFile.load(AclFileLocation.of(settings.aclConfigFile()));
        } catch (AclFileException e) {
            throw new IllegalArgumentException("aclEnable = true, but " + e.getMessage()
                    + "; the broker does not start without the access control it was asked for", e);
        }
    }

    /**
     * The account the broker signs its own requests with ({@code aclAccessKey}), its secret key read
     * in the ACL file (the one in force, when {@code aclEnable}); null: unsigned, as RocketMQ 4.9.7's.
     */
    private static OwnAccount ownAccount(BrokerSettings settings, WatchedAclFile acl) {
        String accessKey = settings.get(Settings.ACL_ACCESS_KEY);
        if (accessKey == null) {
            return null;
        }
        try {
            WatchedAclFile file = acl != null ? acl : WatchedAclFile.load(AclFileLocation.of(settings.aclConfigFile()));
            return new OwnAccount(accessKey, file.secretKeyOf(accessKey));
        } catch (AclFileException e) {
            throw new IllegalArgumentException(Settings.ACL_ACCESS_KEY.name() + " = " + accessKey + ", but "
                    + e.getMessage() + "; the broker does not start unable to sign its requests", e);
        }
    }

    private record OwnAccount(String accessKey, Supplier<String> secretKey) {
    }

    /**
     * TLS on the broker's ports (and its name server's), and on its own connections to name servers.
     *
     * @param client null: plain connections to name servers
     */
    private record Tls(ServerTls server, ClientTls client) {
        /** Before the store opens: a broker that cannot set up the TLS it was asked for does not start. */
        static Tls load(BrokerSettings settings) {
            TlsProperties properties = settings.tls();
            ServerTls server = properties.server().load();
            if (!properties.clientEnabled()) {
                return new Tls(server, null);
            }
            try {
                return new Tls(server, properties.client().load());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(TlsProperties.ENABLE + " = true, but " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param acl the rules every request is checked against; null: none, every request is served
     * @param own the account the broker's own requests are signed with; null: unsigned
     */
    private void startServers(BrokerSettings settings, Path configDir, BrokerConfigUpdate configUpdate,
            WatchedAclFile acl, Tls tls, OwnAccount own) throws IOException, InterruptedException {
        tlsMode = tls.server().mode();
        // topics created on a send are written by housekeeping, off the I/O thread that may run the send
        TopicConfigTable topics = TopicConfigTable.load(new MetadataFile(configDir.resolve("topics.json")),
                Clock.systemUTC(), housekeeping);
        SystemTopics systemTopics = new SystemTopics(settings.brokerClusterName(), settings.brokerName(),
                settings.createdTraceTopic());
        systemTopics.createMissing(topics, settings.autoCreateTopicEnable(), settings.defaultTopicQueueNums());
        SubscriptionGroupTable groupConfigs = SubscriptionGroupTable.load(
                new MetadataFile(configDir.resolve("subscriptionGroup.json")), Clock.systemUTC(),
                settings.autoCreateSubscriptionGroup());
        permission = new BrokerPermission(settings.get(Settings.BROKER_PERMISSION));
        // as RocketMQ's updateBrokerConfig: a new data version, so that name servers take the
        // topics again, and the registration it sets off carries the new permission
        permission.onChange(() -> nextTopicVersion(topics));
        meter();
        Clients clients = new Clients(new ConsumerGroups(), new ProducerGroups());
        replication = new Replication(settings.brokerRole(), settings.ha(), store,
                () -> registration == null ? null : registration.masterHaServerAddr());
        if (!isSlave(settings)) {
            transactions = TransactionService.start(store, replication.writes(), topics, clients.producers(),
                    settings.transactions(), configDir,
                    new CommittedSends(new DelayedSends(settings.schedule().messageDelayLevel()), timers), offsets,
                    new RetryTopics(topics), settings.clock());
            transactions.coordinateAcrossBrokers(settings.brokerName(), () -> outboundClient(tls.client(), own),
                    configDir);
            metrics.add(new XaBranchMeters(transactions));
            new HalfMessageMeters(transactions).bindTo(metrics.registry());
        }
        metrics.add(new ReplicationLagMeters(replication));
        brokerServer = VipChannel.addTo(new RemotingServer(new InetSocketAddress(settings.listenPort()),
                Settings.LISTEN_PORT.name()),
                settings.listenPort()).securedBy(tls.server());
        if (acl != null) {
            guard(settings, acl);
        }
        registerMessaging(settings, topics, groupConfigs, clients);
        registerAdministration(settings, topics, groupConfigs, clients, configUpdate);
        registerMqAdminCommands(settings, topics, systemTopics, groupConfigs, clients);
        registerByRole(settings);
        store.addDispatchListener(message -> stats.stored(message.topic(), 1, message.size()));
        brokerServer.start();
        replication.start();
        if (settings.namesrvListenPort() != BrokerSettings.NO_EMBEDDED_NAME_SERVER) {
            nameServer = NameServer.start(new InetSocketAddress(settings.namesrvListenPort()),
                    new RouteTable(Clock.systemUTC()), KvConfigTable.load(configDir.resolve("kvConfig.json")),
                    adminExecutor, housekeeping, acl == null ? RequestGuard.ADMIT_ALL : acl.nameServerGuard(),
                    tls.server());
        }
        if (isSlave(settings) || !settings.namesrvAddr().isEmpty()) {
            outboundClient = outboundClient(tls.client(), own);
        }
        if (isSlave(settings)) {
            slaveSync = new SlaveSynchronize(outboundClient, identity(settings).address(), topics, offsets,
                    groupConfigs, new MetadataFile(configDir.resolve("delayOffset.json")));
        }
        registration = NameServerRegistration.start(identity(settings), topics,
                permission, nameServers(settings),
                settings.registerNameServerPeriod(), housekeeping,
                slaveSync == null ? answer -> { } : slaveSync::learn);
        if (slaveSync != null) {
            slaveSync.start();
        }
        housekeeping.scheduleWithFixedDelay(this::persistOffsets, OFFSET_FLUSH_SECONDS, OFFSET_FLUSH_SECONDS,
                TimeUnit.SECONDS);
        housekeeping.scheduleAtFixedRate(stats::sample, 1, 1, TimeUnit.SECONDS);
        if (settings.consoleListenPort() != BrokerSettings.NO_CONSOLE) {
            startConsole(settings, acl, new ConsoleViews(topics, groupConfigs, clients));
        }
    }

    /**
     * The meters of /metrics, kept with or without the console, as mqadmin {@code brokerStatus} reads
     * its latency figures from them: most read what is counted anyway; the store times its appends and
     * forces. A slave runs no timer, so it has no timer meter.
     */
    private void meter() {
        metrics = new BrokerMetrics();
        store.timedBy(new CommitLogMeters(metrics.registry()));
        metrics.add(new TrafficMeters(stats));
        metrics.add(new ConsumerLagMeters(offsets, store));
        if (timers != null) {
            new TimerMeters(timers).bindTo(metrics.registry());
        }
    }

    /** @param acl the accounts that may use the console; null: none asked for */
    private void startConsole(BrokerSettings settings, WatchedAclFile acl, ConsoleViews views) throws IOException {
        console = ConsoleServer.listen(new InetSocketAddress(settings.consoleAddress(), settings.consoleListenPort()),
                acl).route("/metrics", new MetricsPage(metrics))
                .pages(new ClusterView(settings.brokerClusterName(), settings.brokerName(), store, stats,
                        settings.storeConfig().storePathCommitLog()), new TopicsView(views.topics(), store),
                        new GroupsView(offsets, views.clients().consumers(), store, views.groups()::names),
                        views.topics(), new TopicDeletion(views.topics(), store))
                .groupCommands(new OffsetReset(views.topics(), offsets, views.clients().consumers(), store,
                        settings.brokerName()), offsets)
                .connections(new ConnectionsView(views.clients().producers(), views.clients().consumers()))
                .messages(store, views.topics(), settings.msgTraceTopicName())
                .deadLetters(store, views.topics(), new DeadLetterResend(store, replication.writes(), views.topics()));
        if (transactions != null) {
            console.transactions(transactions);
        }
        console.timers(new TimersView(schedule, timers)).start();
    }

    /** What the console's pages show beside the store, the statistics and the offsets. */
    private record ConsoleViews(TopicConfigTable topics, SubscriptionGroupTable groups, Clients clients) {
    }

    /** {@code processor} timed by {@code timing}. */
    private RequestProcessor timed(RequestProcessor processor,
            BiFunction<RequestProcessor, MeterRegistry, RequestProcessor> timing) {
        return timing.apply(processor, metrics.registry());
    }

    /** Every request checked against {@code acl}, re-read every second; mqadmin's ACL requests served. */
    private void guard(BrokerSettings settings, WatchedAclFile acl) {
        brokerServer.guardedBy(acl.guard());
        housekeeping.scheduleWithFixedDelay(acl::reloadIfChanged, 1, 1, TimeUnit.SECONDS);
        AclAdminProcessor aclAdmin = new AclAdminProcessor(acl, () -> Map.of("clusterName",
                settings.brokerClusterName(), "brokerName", settings.brokerName(),
                "brokerAddr", settings.brokerIP1() + ":" + brokerServer.port()));
        AclAdminProcessor.codes().forEach(code -> brokerServer.register(code, aclAdmin, adminExecutor));
    }

    /** The live members of consumer and producer groups, known from heartbeats. */
    private record Clients(ConsumerGroups consumers, ProducerGroups producers) {
    }

    /** What producers and consumers use: send, transaction ends, pull, heartbeats, offsets, locks, queries, retries. */
    private void registerMessaging(BrokerSettings settings, TopicConfigTable topics,
            SubscriptionGroupTable groupConfigs, Clients clients) {
        if (!isSlave(settings)) {
            registerWrites(settings, topics, groupConfigs);
        }
        SubscriptionFilters filters = new SubscriptionFilters(settings.enablePropertyFilter());
        ClientRequestProcessor heartbeats = new ClientRequestProcessor(clients.consumers(), clients.producers(),
                groupConfigs, topics);
        QueryMessageProcessor queries = new QueryMessageProcessor(store);
        QueueLockProcessor queueLocks = new QueueLockProcessor(new QueueLocks(Clock.systemUTC(), LOCK_MAX_LIVE_MILLIS));
        brokerServer.register(RequestCode.PULL_MESSAGE, timed(new PullMessageProcessor(store, topics, offsets,
                clients.consumers(), groupConfigs, stats, filters, heldPulls, pullRouting(settings),
                transactions == null ? HeldOffsets.NONE : transactions.heldOffsets()),
                TimedRequests::pulls), pullExecutor)
                .register(RequestCode.CHECK_CLIENT_CONFIG, new CheckClientConfigProcessor(filters), adminExecutor)
                .register(RequestCode.HEART_BEAT, heartbeats, adminExecutor)
                .register(RequestCode.UNREGISTER_CLIENT, heartbeats, adminExecutor)
                .register(RequestCode.GET_CONSUMER_LIST_BY_GROUP, heartbeats, adminExecutor)
                .register(RequestCode.QUERY_MESSAGE, queries, adminExecutor)
                .register(RequestCode.VIEW_MESSAGE_BY_ID, queries, adminExecutor)
                .register(RequestCode.LOCK_BATCH_MQ, queueLocks, adminExecutor)
                .register(RequestCode.UNLOCK_BATCH_MQ, queueLocks, adminExecutor)
                .onConnectionClosed(heartbeats::connectionClosed);
        // a slave takes offset commits too: consumers commit to it while the master is down, as in RocketMQ
        ConsumerOffsetProcessor offsetRequests = new ConsumerOffsetProcessor(store, offsets);
        for (int code : new int[] {RequestCode.QUERY_CONSUMER_OFFSET, RequestCode.UPDATE_CONSUMER_OFFSET,
            RequestCode.GET_MIN_OFFSET, RequestCode.GET_MAX_OFFSET, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
            RequestCode.GET_EARLIEST_MSG_STORETIME}) {
            brokerServer.register(code, offsetRequests, adminExecutor);
        }
    }

    private PullRouting pullRouting(BrokerSettings settings) {
        return PullRouting.of(isSlave(settings), settings.get(Settings.SLAVE_READ_ENABLE),
                settings.get(Settings.ACCESS_MESSAGE_IN_MEMORY_MAX_RATIO), permission,
                settings.brokerIP1());
    }

    /** What only a master serves: sends, transaction ends and XA branches, messages sent back for retry. */
    private void registerWrites(BrokerSettings settings, TopicConfigTable topics, SubscriptionGroupTable groupConfigs) {
        RetryTopics retryTopics = new RetryTopics(topics);
        DelayedSends delays = new DelayedSends(settings.schedule().messageDelayLevel());
        RequestProcessor send = new WritePermissionGate(permission, topics, settings.brokerIP1(),
                timed(new SendMessageProcessor(topics, timers, settings.brokerClusterName(), settings.regionId(),
                        settings.storeConfig().maxMessageSize(),
                        new ExhaustedRetries(groupConfigs, retryTopics).andThen(delays), replication.writes()),
                        TimedRequests::sends));
        Executor storing = sendLane.inlineWhenIdle();
        brokerServer.register(RequestCode.SEND_MESSAGE, send, storing)
                .register(RequestCode.SEND_MESSAGE_V2, send, storing)
                .register(RequestCode.SEND_BATCH_MESSAGE, send, storing)
                .register(RequestCode.END_TRANSACTION, transactions.endTransactionProcessor(), storing)
                .register(RequestCode.CONSUMER_SEND_MSG_BACK,
                        new WritePermissionGate(permission, topics, settings.brokerIP1(), new SendBackProcessor(store,
                                replication.writes(), groupConfigs, retryTopics, delays)), storing);
        if (settings.transactions().xaEnabled()) {
            for (int code : TransactionService.branchRequestCodes()) {
                brokerServer.register(code, transactions.branchProcessor(), sendLane.handedOff());
            }
        }
    }

    /**
     * Registered over the others: a slave's answers, RocketMQ's, to what would write; a master's
     * answers to what its slaves copy.
     */
    private void registerByRole(BrokerSettings settings) {
        if (isSlave(settings)) {
            SlaveRefusals refusals = new SlaveRefusals(settings.storeConfig(),
                    settings.transactions().xaEnabled() ? TransactionService.branchRequestCodes() : new int[0]);
            registerAll(refusals.codes(), refusals);
        } else {
            registerAll(MasterMetadataProcessor.codes(), new MasterMetadataProcessor(offsets, schedule::writtenProgress));
        }
    }

    private static void nextTopicVersion(TopicConfigTable topics) {
        try {
            topics.nextVersion();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the topics' new data version: " + e.getMessage(), e);
        }
    }

    private void registerAll(int[] codes, RequestProcessor processor) {
        for (int code : codes) {
            brokerServer.register(code, processor, adminExecutor);
        }
    }

    /** A slave's master's CommitLog end; none on a master, or before the slave knows its master. */
    private CompletableFuture<OptionalLong> masterCommitLogEnd() {
        SlaveSynchronize sync = slaveSync;
        return sync == null ? MasterEnd.NONE.commitLogEnd() : sync.masterCommitLogEnd();
    }

    /** What mqadmin uses: topic and group administration, statistics, connections, configuration. */
    private void registerAdministration(BrokerSettings settings, TopicConfigTable topics,
            SubscriptionGroupTable groupConfigs, Clients clients, BrokerConfigUpdate configUpdate) {
        TopicAdminProcessor topicAdmin = new TopicAdminProcessor(topics, new TopicDeletion(topics, store));
        SubscriptionGroupAdminProcessor groupAdmin = new SubscriptionGroupAdminProcessor(groupConfigs, offsets);
        ConnectionListProcessor connections = new ConnectionListProcessor(clients.consumers(), clients.producers());
        BrokerConfigProcessor config = new BrokerConfigProcessor(settings.asProperties(),
                RocketMqDefaults.notReadByBolide(settings.brokerIP1()), configUpdate, Map.of(
                        Settings.BROKER_PERMISSION.name(),
                        value -> permission.change(Settings.BROKER_PERMISSION.type().parse(value))));
        brokerServer.register(RequestCode.UPDATE_AND_CREATE_TOPIC, topicAdmin, adminExecutor)
                .register(RequestCode.DELETE_TOPIC_IN_BROKER, topicAdmin, adminExecutor)
                .register(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, groupAdmin, adminExecutor)
                .register(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, groupAdmin, adminExecutor)
                .register(RequestCode.DELETE_SUBSCRIPTIONGROUP, groupAdmin, adminExecutor)
                .register(RequestCode.GET_TOPIC_STATS_INFO,
                        new TopicStatsProcessor(store, topics, settings.brokerName()), adminExecutor)
                .register(RequestCode.GET_CONSUME_STATS, new ConsumeStatsProcessor(store, topics, offsets,
                        clients.consumers(), stats, settings.brokerName()), adminExecutor)
                .register(RequestCode.GET_CONSUMER_CONNECTION_LIST, connections, adminExecutor)
                .register(RequestCode.GET_PRODUCER_CONNECTION_LIST, connections, adminExecutor)
                .register(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
                        new TopicConsumersProcessor(clients.consumers(), offsets), adminExecutor)
                .register(RequestCode.GET_BROKER_RUNTIME_INFO, new BrokerRuntimeProcessor(store, stats,
                        new RequestPools(sendLane.queue(), pullExecutor.getQueue(), adminExecutor.getQueue()),
                        new StoreLatencyFigures(metrics.registry()), settings.storeConfig(), replication,
                        this::masterCommitLogEnd), adminExecutor)
                .register(RequestCode.GET_BROKER_CONFIG, config, adminExecutor)
                .register(RequestCode.UPDATE_BROKER_CONFIG, config, adminExecutor)
                .register(BolideRequestCode.RESEND_DEAD_LETTER,
                        new DeadLetterResendProcessor(new DeadLetterResend(store, replication.writes(), topics)),
                        adminExecutor);
    }

    /**
     * What the rest of mqadmin uses: topic exports, offset resets, calls to live consumers, broker
     * consume and traffic statistics, ConsumeQueue units, producers, store cleaning.
     */
    private void registerMqAdminCommands(BrokerSettings settings, TopicConfigTable topics, SystemTopics systemTopics,
            SubscriptionGroupTable groupConfigs, Clients clients) {
        TopicListingProcessor topicListing = new TopicListingProcessor(topics, systemTopics);
        ConsumerCallProcessor consumerCalls = new ConsumerCallProcessor(clients.consumers(), store, brokerServer,
                settings.brokerName());
        StoreCleaningProcessor cleaning = new StoreCleaningProcessor(store, topics);
        brokerServer.register(RequestCode.GET_ALL_TOPIC_CONFIG, topicListing, adminExecutor)
                .register(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, topicListing, adminExecutor)
                .register(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, new ResetOffsetProcessor(new OffsetReset(topics,
                        offsets, clients.consumers(), store, settings.brokerName())), adminExecutor)
                .register(RequestCode.CLONE_GROUP_OFFSET, new CloneGroupOffsetProcessor(topics, offsets,
                        clients.consumers()), adminExecutor)
                .register(RequestCode.GET_CONSUMER_RUNNING_INFO, consumerCalls, adminExecutor)
                .register(RequestCode.CONSUME_MESSAGE_DIRECTLY, consumerCalls, adminExecutor)
                .register(RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS,
                        new ConsumerStatusProcessor(clients.consumers(), brokerServer), adminExecutor)
                .register(RequestCode.GET_BROKER_CONSUME_STATS, new BrokerConsumeStatsProcessor(groupConfigs,
                        clients.consumers(), topics, offsets, store, stats, settings.brokerName(),
                        () -> identity(settings).address()), adminExecutor)
                .register(RequestCode.VIEW_BROKER_STATS_DATA, new BrokerStatsDataProcessor(stats), adminExecutor)
                .register(RequestCode.QUERY_CONSUME_QUEUE, new QueryConsumeQueueProcessor(store, clients.consumers()),
                        adminExecutor)
                .register(RequestCode.GET_ALL_PRODUCER_INFO, new ProducerTableProcessor(clients.producers()),
                        adminExecutor)
                .register(RequestCode.DELETE_EXPIRED_COMMITLOG, cleaning, adminExecutor)
                .register(RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, cleaning, adminExecutor)
                .register(RequestCode.CLEAN_UNUSED_TOPIC, cleaning, adminExecutor);
    }

    private BrokerIdentity identity(BrokerSettings settings) {
        // RocketMQ's haServerAddr is brokerIP2:haListenPort, by default brokerIP1:listenPort + 1
        String host = settings.brokerIP1() + ":";
        int haPort = replication.port() < 0 ? settings.ha().listenPort() : replication.port();
        return new BrokerIdentity(settings.brokerClusterName(), settings.brokerName(), settings.brokerId(),
                host + brokerServer.port(), host + haPort);
    }

    /**
     * What the broker's own requests go through: to name servers, and a slave's to its master.
     *
     * @param tls null: plain connections
     * @param own null: unsigned
     */
    private static RemotingClient outboundClient(ClientTls tls, OwnAccount own) {
        RemotingClient client = new RemotingClient(ServerRequestHandler.IGNORE, tls);
        return own == null ? client : client.signingAs(own.accessKey(), own.secretKey());
    }

    private List<NameServerEndpoint> nameServers(BrokerSettings settings) {
        if (settings.namesrvAddr().isEmpty()) {
            return List.of(new InProcessNameServer(nameServer.routes()));
        }
        return settings.namesrvAddr().stream()
                .<NameServerEndpoint>map(address -> new RemoteNameServer(address, outboundClient)).toList();
    }

    public int port() {
        return brokerServer.port();
    }

    /** The console's port; {@link BrokerSettings#NO_CONSOLE} when it serves none. */
    public int consolePort() {
        return console == null ? BrokerSettings.NO_CONSOLE : console.port();
    }

    /** What the broker's and its name server's ports accept: plain, TLS or both. */
    public TlsMode tlsMode() {
        return tlsMode;
    }

    /** This broker's part in master/slave replication. */
    public Replication replication() {
        return replication;
    }

    /**
     * Every meter of the broker in the Prometheus text format, what the console's {@code /metrics}
     * serves: for an embedder that serves it itself (the resource adapter, whose broker has no console).
     */
    public String scrapeMetrics() {
        return metrics.scrape();
    }

    /** The embedded name server's port; {@link BrokerSettings#NO_EMBEDDED_NAME_SERVER} when it runs none. */
    public int nameServerPort() {
        return nameServer == null ? BrokerSettings.NO_EMBEDDED_NAME_SERVER : nameServer.port();
    }

    private void persistOffsets() {
        try {
            offsets.persist();
        } catch (IOException e) {
            System.getLogger(BolideBroker.class.getName()).log(System.Logger.Level.ERROR,
                    "cannot persist consumer offsets", e);
        }
    }

    private void unregister() {
        try {
            registration.close();
        } catch (InterruptedException e) {
            // closing goes on: the store must still be closed cleanly
            Thread.currentThread().interrupt();
        }
    }

    private void closeReplication() {
        try {
            replication.close();
        } catch (InterruptedException e) {
            // closing goes on: the store must still be closed cleanly
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Unregisters from the name servers, stops serving, delivering delayed messages and the timer,
     * persists consumer offsets and delay progress, and closes the store cleanly.
     */
    @Override
    public void close() throws IOException {
        if (slaveSync != null) {
            slaveSync.close();
        }
        if (registration != null) {
            unregister();
        }
        if (outboundClient != null) {
            outboundClient.close();
        }
        if (nameServer != null) {
            nameServer.close();
        }
        if (console != null) {
            console.close();
        }
        if (brokerServer != null) {
            brokerServer.close();
        }
        heldPulls.close();
        if (replication != null) {
            closeReplication();
        }
        if (transactions != null) {
            transactions.close();
        }
        housekeeping.shutdownNow();
        sendLane.close();
        pullExecutor.shutdownNow();
        adminExecutor.shutdownNow();
        if (schedule != null) {
            schedule.close();
        }
        persistOffsets();
        if (timers != null) {
            timers.close();
        }
        store.close();
        if (metrics != null) {
            metrics.close();
        }
    }
}
