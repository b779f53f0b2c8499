package dev.bolide.broker.config;

import static dev.bolide.broker.config.Feature.ACCESS_CONTROL;
import static dev.bolide.broker.config.Feature.BROKER;
import static dev.bolide.broker.config.Feature.CONSOLE;
import static dev.bolide.broker.config.Feature.DELAY;
import static dev.bolide.broker.config.Feature.NAME_SERVER;
import static dev.bolide.broker.config.Feature.REPLICATION;
import static dev.bolide.broker.config.Feature.STORE;
import static dev.bolide.broker.config.Feature.TIMER;
import static dev.bolide.broker.config.Feature.TLS;
import static dev.bolide.broker.config.Feature.TRANSACTIONS;

import dev.bolide.broker.ha.HaSettings;
import dev.bolide.broker.schedule.DelayLevels;
import dev.bolide.broker.schedule.ScheduleSettings;
import dev.bolide.broker.timer.TimerSettings;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.remoting.ClientAuthentication;
import dev.bolide.remoting.TlsMode;
import dev.bolide.remoting.TlsProperties;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code broker.conf} key the broker reads, declared once. Defaults that a component owns
 * (the store's, the transaction check-back's, the timer's) are taken from that component, so that a
 * default is written in one place only.
 */
public final class Settings {
    private static final StoreConfig STORE_DEFAULTS = StoreConfig.builder(Path.of("store")).build();
    private static final TransactionSettings TRANSACTION_DEFAULTS = TransactionSettings.DEFAULTS;
    private static final HaSettings HA_DEFAULTS = HaSettings.DEFAULTS;

    public static final Setting<String> BROKER_CLUSTER_NAME = Setting.of("brokerClusterName", SettingType.TEXT,
            "DefaultCluster", BROKER, "the cluster the broker registers in");
    public static final Setting<String> BROKER_NAME = Setting.of("brokerName", SettingType.TEXT, "broker-a", BROKER,
            "the broker's name; a master and its slaves share it (RocketMQ's default is the host name)");
    public static final Setting<Long> BROKER_ID = Setting.of("brokerId", SettingType.LONG, 0L, BROKER,
            "a slave's, more than 0; a master's is always 0, as in RocketMQ");
    public static final Setting<BrokerRole> BROKER_ROLE = Setting.of("brokerRole",
            SettingType.enumeration(BrokerRole.class), BrokerRole.ASYNC_MASTER, BROKER,
            "ASYNC_MASTER and SYNC_MASTER (brokerId 0) answer sends, SYNC_MASTER once a slave has them; SLAVE "
                    + "(brokerId > 0) copies its master");
    public static final Setting<Integer> BROKER_PERMISSION = Setting.of("brokerPermission", SettingType.INTEGER, 6,
            BROKER, "6: read and write; 4: read only (routes read only, so producers send elsewhere; ordered topics' sends "
                    + "and send-backs refused); 2: write only (pulls refused); a change re-registers at once")
            .allowUpdateAtOnce();
    public static final Setting<Boolean> SLAVE_READ_ENABLE = Setting.of("slaveReadEnable", SettingType.BOOLEAN, false,
            BROKER, "whether a consumer reading data no longer in memory is sent to a slave (its group's "
                    + "whichBrokerWhenConsumeSlowly)").allowUpdate();
    public static final Setting<Integer> ACCESS_MESSAGE_IN_MEMORY_MAX_RATIO = Setting.of(
            "accessMessageInMemoryMaxRatio", SettingType.INTEGER, 40, BROKER, "percent of physical memory: a pull "
                    + "this far behind the CommitLog's end reads from disk (with slaveReadEnable: go to a slave)")
            .allowUpdate();
    public static final Setting<String> BROKER_IP1 = Setting.of("brokerIP1", SettingType.TEXT, null, BROKER,
            "the address clients reach the broker at; default: this host's address");
    public static final Setting<Integer> LISTEN_PORT = Setting.of("listenPort", SettingType.PORT, 10911, BROKER,
            "port clients send and pull on; 0 picks a free one");
    public static final Setting<Boolean> AUTO_CREATE_TOPIC_ENABLE = Setting.of("autoCreateTopicEnable",
            SettingType.BOOLEAN, true, BROKER, "whether a send to an unknown topic creates it").allowUpdate();
    public static final Setting<Integer> DEFAULT_TOPIC_QUEUE_NUMS = Setting.of("defaultTopicQueueNums",
            SettingType.INTEGER, 8, BROKER, "queues of an automatically created topic").allowUpdate();
    public static final Setting<Boolean> AUTO_CREATE_SUBSCRIPTION_GROUP = Setting.of("autoCreateSubscriptionGroup",
            SettingType.BOOLEAN, true, BROKER, "whether an unknown consumer group is created when it first consumes")
            .allowUpdate();
    public static final Setting<Boolean> ENABLE_PROPERTY_FILTER = Setting.of("enablePropertyFilter",
            SettingType.BOOLEAN, false, BROKER, "whether consumers may subscribe with SQL92 (and JMS) selectors")
            .allowUpdate();
    public static final Setting<String> REGION_ID = Setting.of("regionId", SettingType.TEXT, "DefaultRegion", BROKER,
            "the region reported in send results and traces").allowUpdate();
    public static final Setting<Boolean> TRACE_TOPIC_ENABLE = Setting.of("traceTopicEnable", SettingType.BOOLEAN,
            false, BROKER, "whether the broker creates the trace topic msgTraceTopicName at start (one queue)");
    public static final Setting<String> MSG_TRACE_TOPIC_NAME = Setting.of("msgTraceTopicName", SettingType.TEXT,
            "RMQ_SYS_TRACE_TOPIC", BROKER, "the trace topic traceTopicEnable creates; the console reads message "
                    + "traces from it and from RMQ_SYS_TRACE_TOPIC");

    public static final Setting<Integer> NAMESRV_LISTEN_PORT = Setting.of("namesrvListenPort", SettingType.PORT, 9876,
            NAME_SERVER, "port of the embedded name server; 0 picks a free one, -1 runs none").from(Origin.BOLIDE);
    public static final Setting<List<String>> NAMESRV_ADDR = Setting.of("namesrvAddr", SettingType.NAME_SERVERS,
            List.of(), NAME_SERVER, "name servers to register with over the network; none: the embedded one, "
                    + "in-process");
    public static final Setting<Duration> REGISTER_NAME_SERVER_PERIOD = Setting.of("registerNameServerPeriod",
            SettingType.MILLISECONDS.adjusted(Settings::clampRegisterPeriod), Duration.ofSeconds(30), NAME_SERVER,
            "how often the broker registers again; clamped to 10000..60000 as in RocketMQ").allowUpdate();

    public static final Setting<Integer> HA_LISTEN_PORT = Setting.of("haListenPort", SettingType.PORT, null,
            REPLICATION, "port a master streams its CommitLog to slaves on; default: listenPort + 1 (0 when "
                    + "listenPort is 0: a free one)");
    public static final Setting<String> HA_MASTER_ADDRESS = Setting.of("haMasterAddress", SettingType.TEXT,
            HA_DEFAULTS.masterAddress(), REPLICATION, "SLAVE: the master's HA address, host:port; default: the one "
                    + "the name server answers the slave's registration with");
    public static final Setting<Duration> HA_SEND_HEARTBEAT_INTERVAL = Setting.of("haSendHeartbeatInterval",
            SettingType.MILLISECONDS, HA_DEFAULTS.heartbeatInterval(), REPLICATION,
            "how often a slave reports its offset, and a master sends a heartbeat, when nothing else is sent");
    public static final Setting<Duration> HA_HOUSEKEEPING_INTERVAL = Setting.of("haHousekeepingInterval",
            SettingType.MILLISECONDS, HA_DEFAULTS.housekeepingInterval(), REPLICATION,
            "a replication connection silent this long is closed (the slave connects again)");
    public static final Setting<Integer> HA_TRANSFER_BATCH_SIZE = Setting.of("haTransferBatchSize",
            SettingType.BYTES, HA_DEFAULTS.transferBatchSize(), REPLICATION,
            "largest CommitLog chunk a master sends in one frame");
    public static final Setting<Integer> HA_SLAVE_FALLBEHIND_MAX = Setting.of("haSlaveFallbehindMax",
            SettingType.BYTES, HA_DEFAULTS.slaveFallbehindMax(), REPLICATION,
            "SYNC_MASTER: a slave this far behind counts as not available (SLAVE_NOT_AVAILABLE at once)")
            .alias("haMaxGapNotInSync");
    public static final Setting<Duration> SLAVE_TIMEOUT = Setting.of("slaveTimeout", SettingType.MILLISECONDS,
            HA_DEFAULTS.slaveTimeout(), REPLICATION, "SYNC_MASTER: how long a send waits for a slave before "
                    + "FLUSH_SLAVE_TIMEOUT");

    public static final Setting<Path> STORE_PATH_ROOT_DIR = Setting.of("storePathRootDir", SettingType.DIRECTORY,
            null, STORE, "the store's directory; default: ~/store, as RocketMQ's");
    public static final Setting<Path> STORE_PATH_COMMIT_LOG = Setting.of("storePathCommitLog", SettingType.DIRECTORY,
            null, STORE, "the CommitLog's directory; default: <storePathRootDir>/commitlog")
            .intoStore(StoreConfig.Builder::storePathCommitLog);
    public static final Setting<Integer> MAPPED_FILE_SIZE_COMMIT_LOG = Setting.of("mappedFileSizeCommitLog",
            SettingType.BYTES, STORE_DEFAULTS.mappedFileSizeCommitLog(), STORE, "size of one CommitLog file")
            .alias("mapedFileSizeCommitLog").intoStore(StoreConfig.Builder::mappedFileSizeCommitLog);
    public static final Setting<Integer> MAPPED_FILE_SIZE_CONSUME_QUEUE = Setting.of("mappedFileSizeConsumeQueue",
            SettingType.BYTES, STORE_DEFAULTS.mappedFileSizeConsumeQueue(), STORE,
            "size of one ConsumeQueue file, a multiple of 20").alias("mapedFileSizeConsumeQueue")
            .intoStore(StoreConfig.Builder::mappedFileSizeConsumeQueue);
    public static final Setting<FlushDiskType> FLUSH_DISK_TYPE = Setting.of("flushDiskType",
            SettingType.FLUSH_DISK_TYPE, STORE_DEFAULTS.flushDiskType(), STORE,
            "SYNC_FLUSH answers a send once it is on disk; ASYNC_FLUSH flushes every flushIntervalCommitLog")
            .intoStore(StoreConfig.Builder::flushDiskType);
    public static final Setting<Boolean> ZERO_FILL_COMMIT_LOG = Setting.of("zeroFillCommitLog", SettingType.BOOLEAN,
            null, STORE, "whether each new CommitLog file is filled with zeros on disk, forced, before it gets data: "
                    + "it then takes its full size at once, and a force never allocates; default: true with "
                    + "SYNC_FLUSH (lower latency), false with ASYNC_FLUSH (sparse files)")
            .from(Origin.BOLIDE).intoStore(StoreConfig.Builder::zeroFillCommitLog);
    public static final Setting<Duration> FLUSH_INTERVAL_COMMIT_LOG = Setting.of("flushIntervalCommitLog",
            SettingType.MILLISECONDS, STORE_DEFAULTS.flushIntervalCommitLog(), STORE,
            "ASYNC_FLUSH: how often the CommitLog is flushed").allowUpdate()
            .intoStore(StoreConfig.Builder::flushIntervalCommitLog);
    public static final Setting<Integer> FLUSH_COMMIT_LOG_LEAST_PAGES = Setting.of("flushCommitLogLeastPages",
            SettingType.INTEGER, STORE_DEFAULTS.flushCommitLogLeastPages(), STORE,
            "ASYNC_FLUSH: pages (4 KiB) written before a flush").allowUpdate()
            .intoStore(StoreConfig.Builder::flushCommitLogLeastPages);
    public static final Setting<Duration> FLUSH_COMMIT_LOG_THOROUGH_INTERVAL = Setting.of(
            "flushCommitLogThoroughInterval", SettingType.MILLISECONDS,
            STORE_DEFAULTS.flushCommitLogThoroughInterval(), STORE,
            "ASYNC_FLUSH: longest time between two flushes, however little was written").allowUpdate()
            .intoStore(StoreConfig.Builder::flushCommitLogThoroughInterval);
    public static final Setting<Duration> SYNC_FLUSH_TIMEOUT = Setting.of("syncFlushTimeout",
            SettingType.MILLISECONDS, STORE_DEFAULTS.syncFlushTimeout(), STORE,
            "how long a send waits for its flush (SYNC_FLUSH) before FLUSH_DISK_TIMEOUT").allowUpdate()
            .intoStore(StoreConfig.Builder::syncFlushTimeout);
    public static final Setting<Duration> FLUSH_INTERVAL_CONSUME_QUEUE = Setting.of("flushIntervalConsumeQueue",
            SettingType.MILLISECONDS, STORE_DEFAULTS.flushIntervalConsumeQueue(), STORE,
            "how often ConsumeQueues are flushed and a checkpoint written (the index every 10th time)").allowUpdate()
            .intoStore(StoreConfig.Builder::flushIntervalConsumeQueue);
    public static final Setting<Integer> MAX_MESSAGE_SIZE = Setting.of("maxMessageSize", SettingType.BYTES,
            STORE_DEFAULTS.maxMessageSize(), STORE, "largest body of a message, and of a batch's bodies together")
            .allowUpdate().intoStore(StoreConfig.Builder::maxMessageSize);
    public static final Setting<Boolean> MESSAGE_INDEX_ENABLE = Setting.of("messageIndexEnable", SettingType.BOOLEAN,
            STORE_DEFAULTS.messageIndexEnable(), STORE, "whether keys and message ids are indexed for queries")
            .intoStore(StoreConfig.Builder::messageIndexEnable);
    public static final Setting<Integer> MAX_HASH_SLOT_NUM = Setting.of("maxHashSlotNum", SettingType.INTEGER,
            STORE_DEFAULTS.maxHashSlotNum(), STORE, "hash slots of one index file")
            .intoStore(StoreConfig.Builder::maxHashSlotNum);
    public static final Setting<Integer> MAX_INDEX_NUM = Setting.of("maxIndexNum", SettingType.INTEGER,
            STORE_DEFAULTS.maxIndexNum(), STORE, "entries of one index file")
            .intoStore(StoreConfig.Builder::maxIndexNum);
    public static final Setting<Boolean> CHECK_CRC_ON_RECOVER = Setting.of("checkCRCOnRecover", SettingType.BOOLEAN,
            STORE_DEFAULTS.checkCrcOnRecover(), STORE, "whether recovery checks each message's CRC").allowUpdate()
            .intoStore(StoreConfig.Builder::checkCrcOnRecover);
    public static final Setting<Set<Integer>> DELETE_WHEN = Setting.of("deleteWhen", SettingType.HOURS_OF_DAY,
            STORE_DEFAULTS.deleteWhen(), STORE, "hours at which files older than fileReservedTime are deleted")
            .allowUpdate().intoStore(StoreConfig.Builder::deleteWhen);
    public static final Setting<Duration> FILE_RESERVED_TIME = Setting.of("fileReservedTime", SettingType.HOURS,
            STORE_DEFAULTS.fileReservedTime(), STORE, "how long CommitLog files are kept").allowUpdate()
            .intoStore(StoreConfig.Builder::fileReservedTime);
    public static final Setting<Double> DISK_MAX_USED_SPACE_RATIO = Setting.of("diskMaxUsedSpaceRatio",
            SettingType.PERCENT, STORE_DEFAULTS.diskMaxUsedSpaceRatio(), STORE,
            "disk use above which expired files are deleted whatever the hour").allowUpdate()
            .intoStore(StoreConfig.Builder::diskMaxUsedSpaceRatio);
    public static final Setting<Duration> CLEAN_RESOURCE_INTERVAL = Setting.of("cleanResourceInterval",
            SettingType.MILLISECONDS, STORE_DEFAULTS.cleanResourceInterval(), STORE,
            "how often retention runs").allowUpdate().intoStore(StoreConfig.Builder::cleanResourceInterval);
    public static final Setting<Boolean> CLEAN_FILE_FORCIBLY_ENABLE = Setting.of("cleanFileForciblyEnable",
            SettingType.BOOLEAN, STORE_DEFAULTS.cleanFileForciblyEnable(), STORE,
            "whether disk use above 85% deletes CommitLog files before they expire")
            .intoStore(StoreConfig.Builder::cleanFileForciblyEnable);
    public static final Setting<Boolean> CLEAN_UNCONSUMED_FILE_FORCIBLY_ENABLE = Setting.of(
            "cleanUnconsumedFileForciblyEnable", SettingType.BOOLEAN,
            STORE_DEFAULTS.cleanUnconsumedFileForciblyEnable(), STORE, "whether that also deletes files holding "
                    + "messages a group has not consumed (as RocketMQ does); false: sends are refused instead")
            .from(Origin.BOLIDE).intoStore(StoreConfig.Builder::cleanUnconsumedFileForciblyEnable);

    public static final Setting<DelayLevels> MESSAGE_DELAY_LEVEL = Setting.of("messageDelayLevel",
            SettingType.DELAY_LEVELS, ScheduleSettings.DEFAULT.messageDelayLevel(), DELAY,
            "the delay of each level, from level 1");
    public static final Setting<Duration> FLUSH_DELAY_OFFSET_INTERVAL = Setting.of("flushDelayOffsetInterval",
            SettingType.MILLISECONDS, ScheduleSettings.DEFAULT.flushDelayOffsetInterval(), DELAY,
            "how often delivery progress is written to config/delayOffset.json").allowUpdate();

    public static final Setting<Duration> TRANSACTION_TIMEOUT = Setting.of("transactionTimeout",
            SettingType.MILLISECONDS, TRANSACTION_DEFAULTS.transactionTimeout(), TRANSACTIONS,
            "age of an undecided half message at its first check-back").alias("transactionTimeOut").allowUpdate();
    public static final Setting<Duration> TRANSACTION_CHECK_INTERVAL = Setting.of("transactionCheckInterval",
            SettingType.MILLISECONDS, TRANSACTION_DEFAULTS.transactionCheckInterval(), TRANSACTIONS,
            "time between two check-back passes").allowUpdate();
    public static final Setting<Integer> TRANSACTION_CHECK_MAX = Setting.of("transactionCheckMax",
            SettingType.INTEGER, TRANSACTION_DEFAULTS.transactionCheckMax(), TRANSACTIONS,
            "check-backs before an undecided message is moved to TRANS_CHECK_MAX_TIME_TOPIC").allowUpdate();
    public static final Setting<Duration> XA_BRANCH_TIMEOUT = Setting.of("xaBranchTimeout", SettingType.MILLISECONDS,
            TRANSACTION_DEFAULTS.xaBranchTimeout(), TRANSACTIONS,
            "an XA branch sent to but not prepared for this long is rolled back").from(Origin.BOLIDE).allowUpdate();
    public static final Setting<Duration> XA_HEURISTIC_TIMEOUT = Setting.of("xaHeuristicTimeout",
            SettingType.MILLISECONDS, TRANSACTION_DEFAULTS.xaHeuristicTimeout(), TRANSACTIONS,
            "a prepared XA branch is rolled back heuristically after this long; 0: never").from(Origin.BOLIDE)
            .allowUpdate();
    public static final Setting<Boolean> XA_ENABLED = Setting.of("xaEnabled", SettingType.BOOLEAN,
            TRANSACTION_DEFAULTS.xaEnabled(), TRANSACTIONS,
            "false: XA branch requests are refused, as Apache RocketMQ refuses them").from(Origin.BOLIDE);
    public static final Setting<Duration> CROSS_BROKER_DECISION_RESERVED_TIME = Setting.of(
            "crossBrokerDecisionReservedTime", SettingType.HOURS, TRANSACTION_DEFAULTS.crossBrokerDecisionReservedTime(),
            TRANSACTIONS, "a commit decision of a transaction across brokers that a participant never confirmed is "
            + "forgotten after this long").from(Origin.BOLIDE);

    public static final Setting<Long> TIMER_MAX_DELAY_SEC = Setting.of("timerMaxDelaySec", SettingType.LONG,
            TimerSettings.DEFAULT.timerMaxDelaySec(), TIMER, "how far ahead (seconds) a delivery time may lie")
            .from(Origin.ROCKETMQ_5).allowUpdate();
    public static final Setting<Integer> TIMER_PRECISION_MS = Setting.of("timerPrecisionMs", SettingType.INTEGER,
            TimerSettings.DEFAULT.timerPrecisionMs(), TIMER, "width (milliseconds) of one slot of the time wheel")
            .from(Origin.ROCKETMQ_5);

    // neither is updatable: a request must never be able to switch access control off or point it elsewhere
    public static final Setting<Boolean> ACL_ENABLE = Setting.of("aclEnable", SettingType.BOOLEAN, false,
            ACCESS_CONTROL, "whether requests are checked against plain_acl.yml; a broker that cannot read the "
                    + "file refuses to start");
    public static final Setting<Path> ACL_CONFIG_FILE = Setting.of("aclConfigFile", SettingType.FILE, null,
            ACCESS_CONTROL, "the plain_acl.yml; default: RocketMQ's, $ROCKETMQ_HOME (or -Drocketmq.home.dir)/"
                    + "conf/plain_acl.yml, or -Drocketmq.acl.plain.file under that home").from(Origin.BOLIDE);
    public static final Setting<String> ACL_ACCESS_KEY = Setting.of("aclAccessKey", SettingType.TEXT, null,
            ACCESS_CONTROL, "the account (an accessKey of the ACL file, whose secretKey is read there) the broker "
                    + "signs its own requests with: to name servers and a slave's to its master; default: unsigned, "
                    + "as RocketMQ 4.9.7 (its address must be in globalWhiteRemoteAddresses)").from(Origin.BOLIDE);

    // RocketMQ's dashboard listens on 8080; Bolide's console is served by the broker itself
    public static final Setting<Integer> CONSOLE_LISTEN_PORT = Setting.of("consoleListenPort", SettingType.PORT, 8080,
            CONSOLE, "port of the console and of /metrics (HTTP); 0 picks a free one, -1 serves none")
            .from(Origin.BOLIDE);
    public static final Setting<String> CONSOLE_ADDRESS = Setting.of("consoleAddress", SettingType.TEXT, "127.0.0.1",
            CONSOLE, "the address the console listens on; with aclEnable it asks for a plain_acl.yml account")
            .from(Origin.BOLIDE);
    // RocketMQ reads these as -D system properties (and from tls.config.file); broker.conf may carry them
    // too, under the same names, and wins. None is updatable: a request must never weaken TLS. The key
    // password is left out on purpose: GET_BROKER_CONFIG lists broker.conf's keys (-D or tls.config.file)
    public static final Setting<TlsMode> TLS_SERVER_MODE = Setting.of(TlsProperties.SERVER_MODE,
            new SettingType<>("disabled, permissive or enforcing", TlsMode::parse, TlsMode::rocketMqName), null, TLS,
            "TLS on the broker, VIP channel and name-server ports; default: -D" + TlsProperties.SERVER_MODE
                    + ", else " + TlsProperties.DEFAULT_MODE.rocketMqName() + " (RocketMQ: permissive)")
            .from(Origin.BOLIDE);
    public static final Setting<Path> TLS_SERVER_CERT_PATH = Setting.of(TlsProperties.SERVER_CERT_PATH,
            SettingType.FILE, null, TLS, "the server's X.509 certificate chain (PEM); a file that cannot be read "
                    + "stops the start").from(Origin.BOLIDE);
    public static final Setting<Path> TLS_SERVER_KEY_PATH = Setting.of(TlsProperties.SERVER_KEY_PATH,
            SettingType.FILE, null, TLS, "its PKCS#8 private key (PEM); the password only as -D"
                    + TlsProperties.SERVER_KEY_PASSWORD + " or in tls.config.file").from(Origin.BOLIDE);
    public static final Setting<ClientAuthentication> TLS_SERVER_NEED_CLIENT_AUTH = Setting.of(
            TlsProperties.SERVER_NEED_CLIENT_AUTH, new SettingType<>("none, optional or require",
                    ClientAuthentication::parse, ClientAuthentication::rocketMqName), null, TLS,
            "whether TLS clients must show a certificate; default none").from(Origin.BOLIDE);
    public static final Setting<Boolean> TLS_SERVER_AUTH_CLIENT = Setting.of(TlsProperties.SERVER_AUTH_CLIENT,
            SettingType.BOOLEAN, null, TLS, "whether client certificates are verified (against "
                    + TlsProperties.SERVER_TRUST_CERT_PATH + "); default false").from(Origin.BOLIDE);
    public static final Setting<Path> TLS_SERVER_TRUST_CERT_PATH = Setting.of(TlsProperties.SERVER_TRUST_CERT_PATH,
            SettingType.FILE, null, TLS, "certificates client certificates must chain to; default: the JDK's")
            .from(Origin.BOLIDE);
    public static final Setting<Boolean> TLS_TEST_MODE_ENABLE = Setting.of(TlsProperties.TEST_MODE_ENABLE,
            SettingType.BOOLEAN, null, TLS, "without a certificate, make a self-signed one (needs BouncyCastle "
                    + "on Java 17); default false (RocketMQ: true)").from(Origin.BOLIDE);
    public static final Setting<Boolean> TLS_ENABLE = Setting.of(TlsProperties.ENABLE, SettingType.BOOLEAN, null,
            TLS, "whether the broker registers with name servers over TLS (tls.client.* as -D or in "
                    + "tls.config.file); default: when the mode is enforcing").from(Origin.BOLIDE);
    public static final Setting<Path> TLS_CONFIG_FILE = Setting.of(TlsProperties.CONFIG_FILE, SettingType.FILE, null,
            TLS, "a properties file of the tls.* keys, over -D values; default " + TlsProperties.DEFAULT_CONFIG_FILE
                    + " if present; one named must exist").from(Origin.BOLIDE);

    /** Every setting, in the order of the README's table. */
    public static final List<Setting<?>> ALL = List.of(BROKER_CLUSTER_NAME, BROKER_NAME, BROKER_ID, BROKER_ROLE,
            BROKER_PERMISSION, SLAVE_READ_ENABLE, ACCESS_MESSAGE_IN_MEMORY_MAX_RATIO, BROKER_IP1, LISTEN_PORT, AUTO_CREATE_TOPIC_ENABLE, DEFAULT_TOPIC_QUEUE_NUMS,
            AUTO_CREATE_SUBSCRIPTION_GROUP, ENABLE_PROPERTY_FILTER, REGION_ID, TRACE_TOPIC_ENABLE, MSG_TRACE_TOPIC_NAME,
            NAMESRV_LISTEN_PORT, NAMESRV_ADDR, REGISTER_NAME_SERVER_PERIOD,
            HA_LISTEN_PORT, HA_MASTER_ADDRESS, HA_SEND_HEARTBEAT_INTERVAL, HA_HOUSEKEEPING_INTERVAL,
            HA_TRANSFER_BATCH_SIZE, HA_SLAVE_FALLBEHIND_MAX, SLAVE_TIMEOUT,
            STORE_PATH_ROOT_DIR, STORE_PATH_COMMIT_LOG, MAPPED_FILE_SIZE_COMMIT_LOG, MAPPED_FILE_SIZE_CONSUME_QUEUE,
            FLUSH_DISK_TYPE, ZERO_FILL_COMMIT_LOG, FLUSH_INTERVAL_COMMIT_LOG, FLUSH_COMMIT_LOG_LEAST_PAGES,
            FLUSH_COMMIT_LOG_THOROUGH_INTERVAL, SYNC_FLUSH_TIMEOUT, FLUSH_INTERVAL_CONSUME_QUEUE, MAX_MESSAGE_SIZE,
            MESSAGE_INDEX_ENABLE, MAX_HASH_SLOT_NUM, MAX_INDEX_NUM, CHECK_CRC_ON_RECOVER, DELETE_WHEN,
            FILE_RESERVED_TIME, DISK_MAX_USED_SPACE_RATIO, CLEAN_RESOURCE_INTERVAL, CLEAN_FILE_FORCIBLY_ENABLE,
            CLEAN_UNCONSUMED_FILE_FORCIBLY_ENABLE,
            MESSAGE_DELAY_LEVEL, FLUSH_DELAY_OFFSET_INTERVAL,
            TRANSACTION_TIMEOUT, TRANSACTION_CHECK_INTERVAL, TRANSACTION_CHECK_MAX, XA_BRANCH_TIMEOUT,
            XA_HEURISTIC_TIMEOUT, XA_ENABLED, CROSS_BROKER_DECISION_RESERVED_TIME,
            TIMER_MAX_DELAY_SEC, TIMER_PRECISION_MS,
            ACL_ENABLE, ACL_CONFIG_FILE, ACL_ACCESS_KEY,
            CONSOLE_LISTEN_PORT, CONSOLE_ADDRESS,
            TLS_SERVER_MODE, TLS_SERVER_CERT_PATH, TLS_SERVER_KEY_PATH, TLS_SERVER_NEED_CLIENT_AUTH,
            TLS_SERVER_AUTH_CLIENT, TLS_SERVER_TRUST_CERT_PATH, TLS_TEST_MODE_ENABLE, TLS_ENABLE, TLS_CONFIG_FILE);

    private Settings() {
    }

    /** As RocketMQ clamps it: a shorter period floods name servers, a longer one lets them expire the broker. */
    private static Duration clampRegisterPeriod(Duration period) {
        Duration least = Duration.ofSeconds(10);
        Duration most = Duration.ofSeconds(60);
        return period.compareTo(least) < 0 ? least : period.compareTo(most) > 0 ? most : period;
    }

    /** The setting {@code key} names (by its name or an alias), if the broker reads it. */
    public static Optional<Setting<?>> named(String key) {
        return ALL.stream().filter(setting -> setting.isNamed(key)).findFirst();
    }
}
