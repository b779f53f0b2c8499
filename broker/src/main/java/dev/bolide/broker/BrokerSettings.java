package dev.bolide.broker;

import dev.bolide.store.StoreConfig;

/**
 * What a broker process needs beyond its store: its identity in the cluster, its ports, and the
 * topic auto-creation rules (RocketMQ's {@code broker.conf} keys of the same names).
 *
 * @param namesrvListenPort port of the embedded name server; 0 picks a free one
 * @param listenPort        port clients send and pull on; 0 picks a free one
 */
public record BrokerSettings(String brokerClusterName, String brokerName, long brokerId, String brokerIP1,
        int listenPort, int namesrvListenPort, boolean autoCreateTopicEnable, int defaultTopicQueueNums,
        String regionId, StoreConfig storeConfig) {
}
