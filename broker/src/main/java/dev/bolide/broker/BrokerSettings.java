package dev.bolide.broker;

import static dev.bolide.broker.config.Settings.ACL_CONFIG_FILE;
import static dev.bolide.broker.config.Settings.ACL_ENABLE;
import static dev.bolide.broker.config.Settings.AUTO_CREATE_SUBSCRIPTION_GROUP;
import static dev.bolide.broker.config.Settings.AUTO_CREATE_TOPIC_ENABLE;
import static dev.bolide.broker.config.Settings.BROKER_CLUSTER_NAME;
import static dev.bolide.broker.config.Settings.BROKER_ID;
import static dev.bolide.broker.config.Settings.BROKER_IP1;
import static dev.bolide.broker.config.Settings.BROKER_NAME;
import static dev.bolide.broker.config.Settings.BROKER_ROLE;
import static dev.bolide.broker.config.Settings.CONSOLE_ADDRESS;
import static dev.bolide.broker.config.Settings.CONSOLE_LISTEN_PORT;
import static dev.bolide.broker.config.Settings.CROSS_BROKER_DECISION_RESERVED_TIME;
import static dev.bolide.broker.config.Settings.HA_HOUSEKEEPING_INTERVAL;
import static dev.bolide.broker.config.Settings.HA_LISTEN_PORT;
import static dev.bolide.broker.config.Settings.HA_MASTER_ADDRESS;
import static dev.bolide.broker.config.Settings.HA_SEND_HEARTBEAT_INTERVAL;
import static dev.bolide.broker.config.Settings.HA_SLAVE_FALLBEHIND_MAX;
import static dev.bolide.broker.config.Settings.HA_TRANSFER_BATCH_SIZE;
import static dev.bolide.broker.config.Settings.DEFAULT_TOPIC_QUEUE_NUMS;
import static dev.bolide.broker.config.Settings.ENABLE_PROPERTY_FILTER;
import static dev.bolide.broker.config.Settings.FLUSH_DELAY_OFFSET_INTERVAL;
import static dev.bolide.broker.config.Settings.LISTEN_PORT;
import static dev.bolide.broker.config.Settings.MESSAGE_DELAY_LEVEL;
import static dev.bolide.broker.config.Settings.MSG_TRACE_TOPIC_NAME;
import static dev.bolide.broker.config.Settings.NAMESRV_ADDR;
import static dev.bolide.broker.config.Settings.NAMESRV_LISTEN_PORT;
import static dev.bolide.broker.config.Settings.REGION_ID;
import static dev.bolide.broker.config.Settings.REGISTER_NAME_SERVER_PERIOD;
import static dev.bolide.broker.config.Settings.SLAVE_TIMEOUT;
import static dev.bolide.broker.config.Settings.STORE_PATH_COMMIT_LOG;
import static dev.bolide.broker.config.Settings.STORE_PATH_ROOT_DIR;
import static dev.bolide.broker.config.Settings.TIMER_MAX_DELAY_SEC;
import static dev.bolide.broker.config.Settings.TIMER_PRECISION_MS;
import static dev.bolide.broker.config.Settings.TRACE_TOPIC_ENABLE;
import static dev.bolide.broker.config.Settings.TRANSACTION_CHECK_INTERVAL;
import static dev.bolide.broker.config.Settings.TRANSACTION_CHECK_MAX;
import static dev.bolide.broker.config.Settings.TRANSACTION_TIMEOUT;
import static dev.bolide.broker.config.Settings.XA_BRANCH_TIMEOUT;
import static dev.bolide.broker.config.Settings.XA_ENABLED;
import static dev.bolide.broker.config.Settings.XA_HEURISTIC_TIMEOUT;

import dev.bolide.broker.config.BrokerRole;
import dev.bolide.broker.ha.HaSettings;
import dev.bolide.broker.config.RocketMqDefaults;
import dev.bolide.broker.config.Setting;
import dev.bolide.broker.config.Feature;
import dev.bolide.broker.config.Settings;
import dev.bolide.broker.schedule.ScheduleSettings;
import dev.bolide.broker.timer.TimerSettings;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.remoting.TlsProperties;
import dev.bolide.store.StoreConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A broker's configuration: a value for every setting of {@link Settings} (RocketMQ's
 * {@code broker.conf} keys, names, units and defaults), and the typed views the broker's parts read
 * (the store's configuration, the timer's, the transaction check-back's, the delay levels').
 * Built by name with {@link #builder()}; {@link Builder#build()} refuses values that do not fit
 * together with a message naming the keys.
 *
 * <p>Name servers: with no {@code namesrvAddr} the broker registers in-process with the embedded
 * name server. With {@code namesrvAddr} it registers over the network with exactly the name servers
 * listed there, and with its own embedded one only if that is listed too; the embedded one keeps
 * serving (other brokers may register with it) unless {@code namesrvListenPort} is
 * {@link #NO_EMBEDDED_NAME_SERVER}.
 */
public final class BrokerSettings {
    /** {@code namesrvListenPort} value that runs no embedded name server. */
    public static final int NO_EMBEDDED_NAME_SERVER = -1;
    /** {@code consoleListenPort} value that serves no console and no {@code /metrics}. */
    public static final int NO_CONSOLE = -1;

    private final Map<Setting<?>, Object> values;
    private final StoreConfig storeConfig;
    private final TimerSettings timer;
    private final TransactionSettings transactions;
    private final ScheduleSettings schedule;
    private final HaSettings ha;

    private BrokerSettings(Map<Setting<?>, Object> values, StoreConfig storeConfig) {
        this.values = Map.copyOf(values);
        this.storeConfig = storeConfig;
        this.timer = new TimerSettings(get(TIMER_MAX_DELAY_SEC), get(TIMER_PRECISION_MS));
        this.transactions = new TransactionSettings(get(TRANSACTION_TIMEOUT), get(TRANSACTION_CHECK_INTERVAL),
                get(TRANSACTION_CHECK_MAX), get(XA_BRANCH_TIMEOUT), get(XA_HEURISTIC_TIMEOUT), get(XA_ENABLED),
                get(CROSS_BROKER_DECISION_RESERVED_TIME));
        this.schedule = new ScheduleSettings(get(MESSAGE_DELAY_LEVEL), get(FLUSH_DELAY_OFFSET_INTERVAL));
        this.ha = new HaSettings(get(HA_LISTEN_PORT), get(HA_MASTER_ADDRESS), get(HA_SEND_HEARTBEAT_INTERVAL), get(HA_HOUSEKEEPING_INTERVAL),
                get(HA_TRANSFER_BATCH_SIZE), get(HA_SLAVE_FALLBEHIND_MAX), get(SLAVE_TIMEOUT));
        check();
    }

    /** Every setting at its default; {@code storePathRootDir} is RocketMQ's {@code ~/store}. */
    public static Builder builder() {
        return new Builder(new HashMap<>());
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(new HashMap<>(values)).clock(clock());
    }

    /**
     * The one clock the broker's time decisions read: the store's timestamps and retention, and the
     * check-back and XA branch timeouts. Not a {@code broker.conf} key: the system clock, unless a
     * test moves one by hand.
     */
    public Clock clock() {
        return storeConfig.clock();
    }

    /** The value of {@code setting}: its configured value, or the one the broker derived at start. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    private void check() {
        int namesrvListenPort = namesrvListenPort();
        if (namesrvListenPort == NO_EMBEDDED_NAME_SERVER && namesrvAddr().isEmpty()) {
            throw new IllegalArgumentException("namesrvListenPort = -1 runs no embedded name server, "
                    + "so namesrvAddr must name the name servers to register with");
        }
        if (registerNameServerPeriod().isNegative() || registerNameServerPeriod().isZero()) {
            throw new IllegalArgumentException("registerNameServerPeriod must be positive");
        }
        if (get(BROKER_ROLE) == BrokerRole.SLAVE && brokerId() <= 0) {
            throw new IllegalArgumentException("brokerRole = SLAVE needs brokerId > 0 (0 is the master's), "
                    + "as RocketMQ's \"Slave's brokerId must be > 0\"");
        }
    }

    public String brokerClusterName() {
        return get(BROKER_CLUSTER_NAME);
    }

    public String brokerName() {
        return get(BROKER_NAME);
    }

    public long brokerId() {
        return get(BROKER_ID);
    }

    public BrokerRole brokerRole() {
        return get(BROKER_ROLE);
    }

    /** The replication channel: ports, timing, sizes. */
    public HaSettings ha() {
        return ha;
    }

    /** The address clients reach the broker at. */
    public String brokerIP1() {
        return get(BROKER_IP1);
    }

    /** Port clients send and pull on; 0 picks a free one. */
    public int listenPort() {
        return get(LISTEN_PORT);
    }

    /** Port of the embedded name server; 0 picks a free one, {@link #NO_EMBEDDED_NAME_SERVER} runs none. */
    public int namesrvListenPort() {
        return get(NAMESRV_LISTEN_PORT);
    }

    public boolean autoCreateTopicEnable() {
        return get(AUTO_CREATE_TOPIC_ENABLE);
    }

    public int defaultTopicQueueNums() {
        return get(DEFAULT_TOPIC_QUEUE_NUMS);
    }

    public boolean autoCreateSubscriptionGroup() {
        return get(AUTO_CREATE_SUBSCRIPTION_GROUP);
    }

    /** Whether consumers may subscribe with SQL92 (or JMS) expressions on properties. */
    public boolean enablePropertyFilter() {
        return get(ENABLE_PROPERTY_FILTER);
    }

    public String regionId() {
        return get(REGION_ID);
    }

    /** The trace topic the broker creates at start, as RocketMQ's {@code traceTopicEnable}; empty when it creates none. */
    public Optional<String> createdTraceTopic() {
        return get(TRACE_TOPIC_ENABLE) ? Optional.of(get(MSG_TRACE_TOPIC_NAME)) : Optional.empty();
    }

    /** Where clients' message traces are looked for: {@code msgTraceTopicName}. */
    public String msgTraceTopicName() {
        return get(MSG_TRACE_TOPIC_NAME);
    }

    /** {@code host:port} of each name server to register with over the network; empty: the embedded one only. */
    public List<String> namesrvAddr() {
        return get(NAMESRV_ADDR);
    }

    /** How often the broker registers again (taken as given; the {@code broker.conf} reader clamps it). */
    public Duration registerNameServerPeriod() {
        return get(REGISTER_NAME_SERVER_PERIOD);
    }

    public StoreConfig storeConfig() {
        return storeConfig;
    }

    /** Whether every request is checked against the plain ACL file. */
    public boolean aclEnable() {
        return get(ACL_ENABLE);
    }

    /** The plain ACL file configured with {@code aclConfigFile}, or null for RocketMQ's lookup. */
    public Path aclConfigFile() {
        return get(ACL_CONFIG_FILE);
    }

    /** Port of the console and {@code /metrics}; 0 picks a free one, {@link #NO_CONSOLE} serves none. */
    public int consoleListenPort() {
        return get(CONSOLE_LISTEN_PORT);
    }

    /** The address the console listens on. */
    public String consoleAddress() {
        return get(CONSOLE_ADDRESS);
    }

    /**
     * RocketMQ's TLS keys: the -D system properties, the {@code tls.config.file} (read now), and the
     * {@code tls.*} keys of these settings over both.
     *
     * @throws IllegalArgumentException when a named {@code tls.config.file} cannot be read
     */
    public TlsProperties tls() {
        return TlsProperties.read(key -> Settings.named(key)
                .filter(setting -> setting.feature() == Feature.TLS && get(setting) != null)
                .map(this::written).orElse(null), System::getProperty);
    }

    public TimerSettings timer() {
        return timer;
    }

    /** When and how often undecided transactions are checked back, and how long XA branches may wait. */
    public TransactionSettings transactions() {
        return transactions;
    }

    /** Delay levels and how delivery progress is kept. */
    public ScheduleSettings schedule() {
        return schedule;
    }

    /**
     * The effective configuration under the {@code broker.conf} keys, in their units: every setting,
     * also under RocketMQ's spelling where Bolide's differs; a setting without value (an unset
     * {@code aclConfigFile}) is left out, as RocketMQ leaves out its keys without value.
     */
    public Map<String, String> asProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            if (get(setting) == null) {
                continue;
            }
            String value = written(setting);
            properties.put(setting.name(), value);
            setting.aliases().stream().filter(RocketMqDefaults::isRocketMqKey)
                    .forEach(alias -> properties.put(alias, value));
        }
        return properties;
    }

    private <T> String written(Setting<T> setting) {
        return setting.type().write(get(setting));
    }

    /** Builds {@link BrokerSettings} by setting name; unset settings keep their defaults. */
    public static final class Builder {
        private final Map<Setting<?>, Object> values;
        private Clock clock = Clock.systemUTC();

        private Builder(Map<Setting<?>, Object> values) {
            this.values = values;
        }

        /** @see BrokerSettings#clock() */
        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        public <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, value);
            return this;
        }

        /** The seven settings of {@code settings}. */
        public Builder transactions(TransactionSettings settings) {
            return set(TRANSACTION_TIMEOUT, settings.transactionTimeout())
                    .set(TRANSACTION_CHECK_INTERVAL, settings.transactionCheckInterval())
                    .set(TRANSACTION_CHECK_MAX, settings.transactionCheckMax())
                    .set(XA_BRANCH_TIMEOUT, settings.xaBranchTimeout())
                    .set(XA_HEURISTIC_TIMEOUT, settings.xaHeuristicTimeout())
                    .set(XA_ENABLED, settings.xaEnabled())
                    .set(CROSS_BROKER_DECISION_RESERVED_TIME, settings.crossBrokerDecisionReservedTime());
        }

        /**
         * The settings, with the values the broker derives filled in ({@code brokerIP1}: this host's
         * address; {@code storePathRootDir}: {@code ~/store}; {@code storePathCommitLog}: under the root).
         *
         * @throws IllegalArgumentException naming the keys whose values do not fit together
         */
        public BrokerSettings build() {
            Map<Setting<?>, Object> complete = new HashMap<>();
            Settings.ALL.forEach(setting -> complete.put(setting, setting.defaultValue()));
            values.forEach(complete::put);
            if (complete.get(BROKER_ROLE) != BrokerRole.SLAVE) {
                // as RocketMQ's BrokerStartup: a master is brokerId 0 whatever the file says
                complete.put(BROKER_ID, 0L);
            }
            String ip = brokerIP1((String) complete.get(BROKER_IP1));
            complete.put(BROKER_IP1, ip);
            complete.putIfAbsent(STORE_PATH_ROOT_DIR, Path.of(System.getProperty("user.home"), "store"));
            int listenPort = (Integer) complete.get(LISTEN_PORT);
            complete.putIfAbsent(HA_LISTEN_PORT, listenPort == 0 ? 0 : listenPort + 1);
            StoreConfig.Builder store = StoreConfig.builder((Path) complete.get(STORE_PATH_ROOT_DIR))
                    .storeHost(new InetSocketAddress(ip, (Integer) complete.get(LISTEN_PORT))).clock(clock);
            for (Setting<?> setting : Settings.ALL) {
                intoStore(setting, complete.get(setting), store);
            }
            StoreConfig storeConfig = store.build();
            complete.put(STORE_PATH_COMMIT_LOG, storeConfig.storePathCommitLog());
            // a setting left without value (aclConfigFile: RocketMQ's lookup) is simply absent
            complete.values().removeIf(java.util.Objects::isNull);
            return new BrokerSettings(complete, storeConfig);
        }

        @SuppressWarnings("unchecked")
        private static <T> void intoStore(Setting<T> setting, Object value, StoreConfig.Builder store) {
            if (setting.store() != null && value != null) {
                setting.store().accept(store, (T) value);
            }
        }

        private static String brokerIP1(String configured) {
            try {
                InetAddress address = configured == null ? InetAddress.getLocalHost() : InetAddress.getByName(configured);
                return address.getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("brokerIP1: cannot resolve "
                        + (configured == null ? "this host's address" : configured), e);
            }
        }
    }
}
