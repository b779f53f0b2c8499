package dev.bolide.broker;

import dev.bolide.broker.timer.TimerSettings;
import dev.bolide.broker.transaction.TransactionSettings;
import dev.bolide.broker.schedule.ScheduleSettings;
import dev.bolide.store.StoreConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a broker process needs beyond its store: its identity in the cluster, its ports, the name
 * servers it registers with, and the topic auto-creation rules (RocketMQ's {@code broker.conf} keys
 * of the same names).
 *
 * <p>Name servers: with no {@code namesrvAddr} the broker registers in-process with the embedded
 * name server. With {@code namesrvAddr} it registers over the network with exactly the name servers
 * listed there, and with its own embedded one only if that is listed too; the embedded one keeps
 * serving (other brokers may register with it) unless {@code namesrvListenPort} is
 * {@link #NO_EMBEDDED_NAME_SERVER}.
 *
 * @param namesrvListenPort        port of the embedded name server; 0 picks a free one,
 *                                 {@link #NO_EMBEDDED_NAME_SERVER} runs none (then {@code namesrvAddr}
 *                                 must name a name server)
 * @param listenPort               port clients send and pull on; 0 picks a free one
 * @param namesrvAddr              {@code host:port} of each name server to register with over the
 *                                 network; empty to register with the embedded one only
 * @param registerNameServerPeriod how often the broker registers again (taken as given; the
 *                                 {@code broker.conf} reader clamps it to RocketMQ's 10 to 60 s)
 * @param enablePropertyFilter     whether consumers may subscribe with SQL92 (or JMS) expressions on properties
 * @param timer                    the durable timer's settings
 * @param transactions             when and how often undecided transactions are checked back
 * @param schedule                 delay levels ({@code messageDelayLevel}) and how delivery progress is kept
 */
public record BrokerSettings(String brokerClusterName, String brokerName, long brokerId, String brokerIP1,
        int listenPort, int namesrvListenPort, boolean autoCreateTopicEnable, int defaultTopicQueueNums,
        boolean autoCreateSubscriptionGroup, boolean enablePropertyFilter, String regionId, StoreConfig storeConfig,
        List<String> namesrvAddr, Duration registerNameServerPeriod, TimerSettings timer,
        TransactionSettings transactions, ScheduleSettings schedule) {
    /** {@code namesrvListenPort} value that runs no embedded name server. */
    public static final int NO_EMBEDDED_NAME_SERVER = -1;
    /** RocketMQ's default {@code registerNameServerPeriod}. */
    public static final Duration DEFAULT_REGISTER_PERIOD = Duration.ofSeconds(30);

    public BrokerSettings {
        namesrvAddr = List.copyOf(namesrvAddr);
        if (namesrvListenPort < NO_EMBEDDED_NAME_SERVER) {
            throw new IllegalArgumentException("namesrvListenPort must be a port, 0 (any free port) or -1 (none)");
        }
        if (namesrvListenPort == NO_EMBEDDED_NAME_SERVER && namesrvAddr.isEmpty()) {
            throw new IllegalArgumentException("namesrvListenPort = -1 runs no embedded name server, "
                    + "so namesrvAddr must name the name servers to register with");
        }
        if (registerNameServerPeriod.isNegative() || registerNameServerPeriod.isZero()) {
            throw new IllegalArgumentException("registerNameServerPeriod must be positive");
        }
    }

    /** These settings with the defaults of the timer, transaction check-back and delay levels. */
    public BrokerSettings(String brokerClusterName, String brokerName, long brokerId, String brokerIP1, int listenPort,
            int namesrvListenPort, boolean autoCreateTopicEnable, int defaultTopicQueueNums,
            boolean autoCreateSubscriptionGroup, boolean enablePropertyFilter, String regionId, StoreConfig storeConfig,
            List<String> namesrvAddr, Duration registerNameServerPeriod) {
        this(brokerClusterName, brokerName, brokerId, brokerIP1, listenPort, namesrvListenPort, autoCreateTopicEnable,
                defaultTopicQueueNums, autoCreateSubscriptionGroup, enablePropertyFilter, regionId, storeConfig,
                namesrvAddr, registerNameServerPeriod, TimerSettings.DEFAULT, TransactionSettings.DEFAULTS,
                ScheduleSettings.DEFAULT);
    }

    /** A broker that is its own name server: it registers with the embedded one only. */
    public BrokerSettings(String brokerClusterName, String brokerName, long brokerId, String brokerIP1, int listenPort,
            int namesrvListenPort, boolean autoCreateTopicEnable, int defaultTopicQueueNums,
            boolean autoCreateSubscriptionGroup, boolean enablePropertyFilter, String regionId, StoreConfig storeConfig) {
        this(brokerClusterName, brokerName, brokerId, brokerIP1, listenPort, namesrvListenPort, autoCreateTopicEnable,
                defaultTopicQueueNums, autoCreateSubscriptionGroup, enablePropertyFilter, regionId, storeConfig,
                List.of(), DEFAULT_REGISTER_PERIOD);
    }

    /** These settings, registering with {@code namesrvAddr} over the network every {@code period}. */
    public BrokerSettings withNameServers(List<String> namesrvAddr, Duration period) {
        return new BrokerSettings(brokerClusterName, brokerName, brokerId, brokerIP1, listenPort, namesrvListenPort,
                autoCreateTopicEnable, defaultTopicQueueNums, autoCreateSubscriptionGroup, enablePropertyFilter, regionId,
                storeConfig, namesrvAddr, period, timer, transactions, schedule);
    }

    /** These settings with other timer settings. */
    public BrokerSettings withTimer(TimerSettings newTimer) {
        return withFeatures(newTimer, transactions, schedule);
    }

    /** These settings, checking back transactions as {@code newTransactions} say. */
    public BrokerSettings withTransactions(TransactionSettings newTransactions) {
        return withFeatures(timer, newTransactions, schedule);
    }

    /** These settings with other delay levels and delay progress keeping. */
    public BrokerSettings withSchedule(ScheduleSettings newSchedule) {
        return withFeatures(timer, transactions, newSchedule);
    }

    private BrokerSettings withFeatures(TimerSettings newTimer, TransactionSettings newTransactions,
            ScheduleSettings newSchedule) {
        return new BrokerSettings(brokerClusterName, brokerName, brokerId, brokerIP1, listenPort, namesrvListenPort,
                autoCreateTopicEnable, defaultTopicQueueNums, autoCreateSubscriptionGroup, enablePropertyFilter, regionId,
                storeConfig, namesrvAddr, registerNameServerPeriod, newTimer, newTransactions, newSchedule);
    }

    /** The effective configuration under RocketMQ's {@code broker.conf} keys, in their units. */
    public Map<String, String> asProperties() {
        Map<String, String> properties = new TreeMap<>();
        properties.put("brokerClusterName", brokerClusterName);
        properties.put("brokerName", brokerName);
        properties.put("brokerId", Long.toString(brokerId));
        properties.put("brokerIP1", brokerIP1);
        properties.put("listenPort", Integer.toString(listenPort));
        properties.put("namesrvListenPort", Integer.toString(namesrvListenPort));
        properties.put("autoCreateTopicEnable", Boolean.toString(autoCreateTopicEnable));
        properties.put("defaultTopicQueueNums", Integer.toString(defaultTopicQueueNums));
        properties.put("autoCreateSubscriptionGroup", Boolean.toString(autoCreateSubscriptionGroup));
        properties.put("enablePropertyFilter", Boolean.toString(enablePropertyFilter));
        properties.put("regionId", regionId);
        if (!namesrvAddr.isEmpty()) {
            properties.put("namesrvAddr", String.join(";", namesrvAddr));
        }
        properties.put("registerNameServerPeriod", Long.toString(registerNameServerPeriod.toMillis()));
        properties.put("messageDelayLevel", schedule.messageDelayLevel().toString());
        properties.put("flushDelayOffsetInterval", Long.toString(schedule.flushDelayOffsetInterval().toMillis()));
        properties.put("storePathRootDir", storeConfig.storePathRootDir().toString());
        properties.put("storePathCommitLog", storeConfig.storePathCommitLog().toString());
        properties.put("mappedFileSizeCommitLog", Integer.toString(storeConfig.mappedFileSizeCommitLog()));
        properties.put("mappedFileSizeConsumeQueue", Integer.toString(storeConfig.mappedFileSizeConsumeQueue()));
        properties.put("flushDiskType", storeConfig.flushDiskType().name());
        properties.put("flushIntervalCommitLog", Long.toString(storeConfig.flushIntervalCommitLog().toMillis()));
        properties.put("flushCommitLogLeastPages", Integer.toString(storeConfig.flushCommitLogLeastPages()));
        properties.put("flushCommitLogThoroughInterval",
                Long.toString(storeConfig.flushCommitLogThoroughInterval().toMillis()));
        properties.put("syncFlushTimeout", Long.toString(storeConfig.syncFlushTimeout().toMillis()));
        properties.put("flushIntervalConsumeQueue", Long.toString(storeConfig.flushIntervalConsumeQueue().toMillis()));
        properties.put("maxMessageSize", Integer.toString(storeConfig.maxMessageSize()));
        properties.put("messageIndexEnable", Boolean.toString(storeConfig.messageIndexEnable()));
        properties.put("maxHashSlotNum", Integer.toString(storeConfig.maxHashSlotNum()));
        properties.put("maxIndexNum", Integer.toString(storeConfig.maxIndexNum()));
        properties.put("checkCRCOnRecover", Boolean.toString(storeConfig.checkCrcOnRecover()));
        properties.put("deleteWhen", storeConfig.deleteWhen().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(";")));
        properties.put("fileReservedTime", Long.toString(storeConfig.fileReservedTime().toHours()));
        properties.put("diskMaxUsedSpaceRatio", Long.toString(Math.round(storeConfig.diskMaxUsedSpaceRatio() * 100)));
        properties.put("cleanResourceInterval", Long.toString(storeConfig.cleanResourceInterval().toMillis()));
        properties.putAll(timer.asProperties());
        properties.putAll(transactions.asProperties());
        properties.put("messageDelayLevel", schedule.messageDelayLevel().toString());
        properties.put("flushDelayOffsetInterval", Long.toString(schedule.flushDelayOffsetInterval().toMillis()));
        return properties;
    }
}
