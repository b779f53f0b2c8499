package dev.bolide.broker;

import dev.bolide.store.StoreConfig;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a broker process needs beyond its store: its identity in the cluster, its ports, and the
 * topic auto-creation rules (RocketMQ's {@code broker.conf} keys of the same names).
 *
 * @param namesrvListenPort port of the embedded name server; 0 picks a free one
 * @param listenPort        port clients send and pull on; 0 picks a free one
 * @param enablePropertyFilter whether consumers may subscribe with SQL92 expressions on properties
 */
public record BrokerSettings(String brokerClusterName, String brokerName, long brokerId, String brokerIP1,
        int listenPort, int namesrvListenPort, boolean autoCreateTopicEnable, int defaultTopicQueueNums,
        boolean autoCreateSubscriptionGroup, boolean enablePropertyFilter, String regionId, StoreConfig storeConfig) {

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
        return properties;
    }
}
