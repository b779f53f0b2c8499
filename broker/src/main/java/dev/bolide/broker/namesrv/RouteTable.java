package dev.bolide.broker.namesrv;

import dev.bolide.broker.topic.TopicConfig;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name server's registry: brokers by name (cluster and addresses per broker id) and, from
 * each master's registration, the topics it serves. Topics missing from a later registration
 * are not removed: they leave only with their broker, as in RocketMQ.
 */
public final class RouteTable {
    /** brokerId 0 is the master. */
    public static final long MASTER_ID = 0;

    /** One broker name: its cluster and its addresses by broker id. */
    public record Broker(String cluster, String brokerName, Map<Long, String> addresses) {
    }

    /** How one broker serves one topic. */
    public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
    }

    /** A topic's route: the brokers serving it and their addresses. */
    public record TopicRoute(List<QueueData> queueDatas, List<Broker> brokerDatas) {
    }

    private final Map<String, Broker> brokers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, QueueData>> topics = new ConcurrentHashMap<>();

    /** Records a broker's registration; a master's topic table replaces its queue data. */
    public synchronized void register(String cluster, String brokerName, long brokerId, String address,
            Collection<TopicConfig> topicConfigs) {
        Broker broker = brokers.computeIfAbsent(brokerName, name -> new Broker(cluster, name, new ConcurrentHashMap<>()));
        broker.addresses().values().remove(address);
        broker.addresses().put(brokerId, address);
        if (brokerId == MASTER_ID) {
            for (TopicConfig topic : topicConfigs) {
                topics.computeIfAbsent(topic.topicName(), name -> new ConcurrentHashMap<>()).put(brokerName,
                        new QueueData(brokerName, topic.readQueueNums(), topic.writeQueueNums(), topic.perm(),
                                topic.topicSysFlag()));
            }
        }
    }

    /** Removes one address of a broker; a broker left without addresses leaves every route. */
    public synchronized void unregister(String brokerName, String address) {
        Broker broker = brokers.get(brokerName);
        if (broker == null) {
            return;
        }
        broker.addresses().values().remove(address);
        if (broker.addresses().isEmpty()) {
            brokers.remove(brokerName);
            topics.values().forEach(byBroker -> byBroker.remove(brokerName));
            topics.values().removeIf(Map::isEmpty);
        }
    }

    /** The route of a topic; empty unless some registered broker serves it. */
    public Optional<TopicRoute> route(String topic) {
        Map<String, QueueData> byBroker = topics.get(topic);
        if (byBroker == null) {
            return Optional.empty();
        }
        List<QueueData> queueDatas = new TreeMap<>(byBroker).values().stream()
                .filter(queue -> brokers.containsKey(queue.brokerName())).toList();
        List<Broker> brokerDatas = queueDatas.stream().map(queue -> brokers.get(queue.brokerName()))
                .map(b -> new Broker(b.cluster(), b.brokerName(), Map.copyOf(b.addresses()))).toList();
        return queueDatas.isEmpty() ? Optional.empty() : Optional.of(new TopicRoute(queueDatas, brokerDatas));
    }

    public Map<String, Broker> brokers() {
        return Map.copyOf(brokers);
    }

    public Collection<String> topicNames() {
        return new TreeSet<>(topics.keySet());
    }
}
