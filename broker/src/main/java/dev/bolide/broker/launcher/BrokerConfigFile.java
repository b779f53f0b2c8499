package dev.bolide.broker.launcher;

import dev.bolide.broker.BrokerSettings;
import dev.bolide.broker.timer.TimerSettings;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.broker.schedule.DelayLevels;
import dev.bolide.broker.schedule.ScheduleSettings;
import dev.bolide.store.FlushDiskType;
import dev.bolide.store.StoreConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A RocketMQ {@code broker.conf} (Java properties) mapped onto Bolide's settings, key for key with
 * RocketMQ's names, units and defaults. A value that does not parse is an error naming its key;
 * a key that nothing in this build uses is reported, never silently dropped.
 *
 * <p>Name servers: {@code namesrvAddr} ({@code host:port;host:port}) lists the name servers the
 * broker registers with over the network, every {@code registerNameServerPeriod} ms (default 30000,
 * clamped to 10000..60000 as in RocketMQ). Without it the broker registers in-process with its
 * embedded name server. The embedded name server (Bolide's own key {@code namesrvListenPort},
 * default 9876) runs either way, so one process can be the name server of others;
 * {@code namesrvListenPort = -1} turns it off, which needs {@code namesrvAddr}.
 */
public final class BrokerConfigFile {
    private static final Map<String, BiConsumer<StoreConfig.Builder, String>> STORE_KEYS = Map.ofEntries(
            Map.entry("storePathCommitLog", (b, v) -> b.storePathCommitLog(Path.of(v))),
            Map.entry("mapedFileSizeCommitLog", (b, v) -> b.mappedFileSizeCommitLog(integer(v))),
            Map.entry("mappedFileSizeCommitLog", (b, v) -> b.mappedFileSizeCommitLog(integer(v))),
            Map.entry("mapedFileSizeConsumeQueue", (b, v) -> b.mappedFileSizeConsumeQueue(integer(v))),
            Map.entry("mappedFileSizeConsumeQueue", (b, v) -> b.mappedFileSizeConsumeQueue(integer(v))),
            Map.entry("flushDiskType", (b, v) -> b.flushDiskType(flushDiskType(v))),
            Map.entry("flushIntervalCommitLog", (b, v) -> b.flushIntervalCommitLog(millis(v))),
            Map.entry("flushCommitLogLeastPages", (b, v) -> b.flushCommitLogLeastPages(integer(v))),
            Map.entry("flushCommitLogThoroughInterval", (b, v) -> b.flushCommitLogThoroughInterval(millis(v))),
            Map.entry("syncFlushTimeout", (b, v) -> b.syncFlushTimeout(millis(v))),
            Map.entry("flushIntervalConsumeQueue", (b, v) -> b.flushIntervalConsumeQueue(millis(v))),
            Map.entry("maxMessageSize", (b, v) -> b.maxMessageSize(integer(v))),
            Map.entry("messageIndexEnable", (b, v) -> b.messageIndexEnable(bool(v))),
            Map.entry("maxHashSlotNum", (b, v) -> b.maxHashSlotNum(integer(v))),
            Map.entry("maxIndexNum", (b, v) -> b.maxIndexNum(integer(v))),
            Map.entry("checkCRCOnRecover", (b, v) -> b.checkCrcOnRecover(bool(v))),
            Map.entry("deleteWhen", StoreConfig.Builder::deleteWhen),
            Map.entry("fileReservedTime", (b, v) -> b.fileReservedTime(Duration.ofHours(integer(v)))),
            Map.entry("diskMaxUsedSpaceRatio", (b, v) -> b.diskMaxUsedSpaceRatio(integer(v) / 100.0)),
            Map.entry("cleanResourceInterval", (b, v) -> b.cleanResourceInterval(millis(v))));
    private static final String ROOT_KEY = "storePathRootDir";
    private static final String PORT_KEY = "listenPort";
    private static final String IP_KEY = "brokerIP1";
    /** Broker keys read into {@link BrokerSettings}; {@code namesrvListenPort} is Bolide's, for the embedded name server. */
    private static final Set<String> BROKER_KEYS = Set.of("brokerClusterName", "brokerName", "brokerId",
            "namesrvListenPort", "autoCreateTopicEnable", "defaultTopicQueueNums", "autoCreateSubscriptionGroup",
            "enablePropertyFilter", "regionId", "namesrvAddr", "registerNameServerPeriod", "transactionTimeout",
            "transactionCheckInterval", "transactionCheckMax", "xaBranchTimeout", "xaHeuristicTimeout", "xaEnabled", "messageDelayLevel", "flushDelayOffsetInterval");
    /** RocketMQ clamps {@code registerNameServerPeriod} to this range (milliseconds). */
    private static final int MIN_REGISTER_PERIOD = 10_000;
    private static final int MAX_REGISTER_PERIOD = 60_000;

    private final BrokerSettings settings;
    private final List<String> unusedKeys;

    private BrokerConfigFile(BrokerSettings settings, List<String> unusedKeys) {
        this.settings = settings;
        this.unusedKeys = unusedKeys;
    }

    public static BrokerConfigFile load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return from(properties);
    }

    public static BrokerConfigFile from(Properties properties) {
        String root = properties.getProperty(ROOT_KEY, Path.of(System.getProperty("user.home"), "store").toString());
        StoreConfig.Builder builder = StoreConfig.builder(Path.of(root.trim()));
        List<String> unused = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).trim();
            BiConsumer<StoreConfig.Builder, String> setter = STORE_KEYS.get(key);
            if (setter != null) {
                apply(key, value, () -> setter.accept(builder, value));
            } else if (!key.equals(ROOT_KEY) && !key.equals(PORT_KEY) && !key.equals(IP_KEY)
                    && !BROKER_KEYS.contains(key) && !TimerSettings.KEYS.contains(key)) {
                unused.add(key);
            }
        }
        apply(IP_KEY + "/" + PORT_KEY, "", () -> builder.storeHost(storeHost(properties)));
        StoreConfig config;
        try {
            config = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker.conf: " + e.getMessage(), e);
        }
        return new BrokerConfigFile(settings(properties, config), List.copyOf(unused));
    }

    private static BrokerSettings settings(Properties properties, StoreConfig store) {
        long brokerId = parsed(properties, "brokerId", "0", BrokerConfigFile::integer);
        int namesrvListenPort = parsed(properties, "namesrvListenPort", "9876", BrokerConfigFile::integer);
        boolean autoCreateTopicEnable = parsed(properties, "autoCreateTopicEnable", "true", BrokerConfigFile::bool);
        int defaultTopicQueueNums = parsed(properties, "defaultTopicQueueNums", "8", BrokerConfigFile::integer);
        boolean autoCreateGroups = parsed(properties, "autoCreateSubscriptionGroup", "true", BrokerConfigFile::bool);
        boolean propertyFilter = parsed(properties, "enablePropertyFilter", "false", BrokerConfigFile::bool);
        List<String> namesrvAddr = parsed(properties, "namesrvAddr", "", BrokerConfigFile::addresses);
        Duration registerPeriod = parsed(properties, "registerNameServerPeriod", "30000",
                BrokerConfigFile::registerPeriod);
        Duration transactionTimeout = parsed(properties, "transactionTimeout", "6000", BrokerConfigFile::millis);
        Duration checkInterval = parsed(properties, "transactionCheckInterval", "60000", BrokerConfigFile::millis);
        int checkMax = parsed(properties, "transactionCheckMax", "15", BrokerConfigFile::integer);
        Duration xaBranchTimeout = parsed(properties, "xaBranchTimeout", "300000", BrokerConfigFile::millis);
        Duration xaHeuristicTimeout = parsed(properties, "xaHeuristicTimeout", "0", BrokerConfigFile::millis);
        boolean xaEnabled = parsed(properties, "xaEnabled", "true", BrokerConfigFile::bool);
        DelayLevels delayLevels = parsed(properties, "messageDelayLevel", DelayLevels.DEFAULT_TEXT, DelayLevels::parse);
        Duration flushDelayOffsetInterval = parsed(properties, "flushDelayOffsetInterval", "10000",
                BrokerConfigFile::millis);
        try {
            return new BrokerSettings(text(properties, "brokerClusterName", "DefaultCluster"),
                    text(properties, "brokerName", "broker-a"), brokerId,
                    store.storeHost().getAddress().getHostAddress(), store.storeHost().getPort(), namesrvListenPort,
                    autoCreateTopicEnable, defaultTopicQueueNums, autoCreateGroups, propertyFilter,
                    text(properties, "regionId", "DefaultRegion"), store, namesrvAddr, registerPeriod, timer(properties),
                    new TransactionSettings(transactionTimeout, checkInterval, checkMax, xaBranchTimeout,
                            xaHeuristicTimeout, xaEnabled),
                    new ScheduleSettings(delayLevels, flushDelayOffsetInterval));
        } catch (IllegalArgumentException e) {
            // values that parse but do not fit together (namesrvListenPort = -1 without namesrvAddr)
            throw new IllegalArgumentException("broker.conf: " + e.getMessage(), e);
        }
    }

    /** RocketMQ 5's timer keys: {@code timerMaxDelaySec} (default 3 days), {@code timerPrecisionMs}. */
    private static TimerSettings timer(Properties properties) {
        long maxDelay = parsed(properties, "timerMaxDelaySec", Long.toString(TimerSettings.DEFAULT.timerMaxDelaySec()),
                Long::parseLong);
        int precision = parsed(properties, "timerPrecisionMs",
                Integer.toString(TimerSettings.DEFAULT.timerPrecisionMs()), BrokerConfigFile::integer);
        try {
            return new TimerSettings(maxDelay, precision);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker.conf: " + e.getMessage(), e);
        }
    }

    /** {@code host:port;host:port}, as RocketMQ writes name server lists; blank entries are skipped. */
    private static List<String> addresses(String value) {
        List<String> addresses = new ArrayList<>();
        for (String address : value.split(";")) {
            String trimmed = address.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || !port(trimmed.substring(colon + 1))) {
                throw new IllegalArgumentException("'" + trimmed + "' is not host:port");
            }
            addresses.add(trimmed);
        }
        return addresses;
    }

    private static boolean port(String value) {
        try {
            int port = Integer.parseInt(value);
            return port > 0 && port < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Milliseconds, clamped like RocketMQ: a shorter period floods name servers, a longer one risks expiry. */
    private static Duration registerPeriod(String value) {
        return Duration.ofMillis(Math.max(MIN_REGISTER_PERIOD, Math.min(integer(value), MAX_REGISTER_PERIOD)));
    }

    private static String text(Properties properties, String key, String fallback) {
        return properties.getProperty(key, fallback).trim();
    }

    private static <T> T parsed(Properties properties, String key, String fallback, Function<String, T> parser) {
        String value = text(properties, key, fallback);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("broker.conf: " + key + " = '" + value + "': " + e.getMessage(), e);
        }
    }

    private static void apply(String key, String value, Runnable setter) {
        try {
            setter.run();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("broker.conf: " + key + " = '" + value + "': " + e.getMessage(), e);
        }
    }

    private static InetSocketAddress storeHost(Properties properties) {
        int port = integer(properties.getProperty(PORT_KEY, "10911").trim());
        String ip = properties.getProperty(IP_KEY);
        try {
            InetAddress address = ip == null ? InetAddress.getLocalHost() : InetAddress.getByName(ip.trim());
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve " + (ip == null ? "the local host" : ip), e);
        }
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static Duration millis(String value) {
        return Duration.ofMillis(integer(value));
    }

    private static boolean bool(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("not true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static FlushDiskType flushDiskType(String value) {
        try {
            return FlushDiskType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not ASYNC_FLUSH or SYNC_FLUSH");
        }
    }

    public StoreConfig storeConfig() {
        return settings.storeConfig();
    }

    public BrokerSettings brokerSettings() {
        return settings;
    }

    /** Keys of the file that nothing in this build uses (yet), in name order. */
    public List<String> unusedKeys() {
        return unusedKeys;
    }
}
